"""The CPU bench's reference: the reverse Euler-Maruyama step of `npm run bench -- cpu` in PyTorch and numpy.

dx = dW (T = 100), the double Gaussian (weights 1/2, means (-2, 0) and (2, 0), std 0.5), its exact
score grad log p_t = sum_k r_k (m mu_k - x) / v_k with v_k = sigma_k^2 + t and r = softmax of the
logits, 1,000,000 particles in float32, `steps` steps on the geometric grid from 100 to 1e-3:
x <- x + g^2 |dt| score + g sqrt(|dt|) z. Prints one JSON line: ns per particle-step, best of 3,
for each framework found (torch at 1 and 2 threads, numpy): wall time and CPU time of the busiest
thread (`NAME_cpu`), and the versions.

Usage: python3 em_step_reference.py PARTICLES STEPS
"""
import json
import math
import sys

import numpy as np

from cpu_times import best_times

n = int(sys.argv[1])
steps = int(sys.argv[2])
T, t_end = 100.0, 1e-3
times = [T * (t_end / T) ** (k / steps) for k in range(steps + 1)]
means = [[-2.0, 0.0], [2.0, 0.0]]
std = 0.5
result = {"numpy": np.__version__}


def best_of(name, run):
    """Stores the least wall time and the least CPU time of the busiest thread, in ns per particle-step."""
    wall, cpu, _ = best_times(run)
    result[name] = wall * 1e9 / (n * steps)
    result[name + "_cpu"] = cpu * 1e9 / (n * steps)


try:
    import torch

    result["torch"] = torch.__version__

    def torch_run():
        gen = torch.Generator().manual_seed(0)
        x = torch.randn(n, 2, generator=gen) * 10.0
        mu = torch.tensor(means)
        for k in range(steps):
            t, dt = times[k], times[k + 1] - times[k]
            v = std * std + t
            d = mu[None, :, :] - x[:, None, :]
            logits = -0.5 * (d * d).sum(-1) / v
            r = torch.softmax(logits, dim=1)
            score = (r[:, :, None] * d).sum(1) / v
            noise = math.sqrt(-dt) if k < steps - 1 else 0.0
            x = x - dt * score + noise * torch.randn(n, 2, generator=gen)
        return x

    for threads in (1, 2):
        torch.set_num_threads(threads)
        best_of(f"torch_{threads}", torch_run)
except ImportError:
    pass


def numpy_run():
    rng = np.random.default_rng(0)
    x = (rng.standard_normal((n, 2), dtype=np.float32) * 10.0).astype(np.float32)
    mu = np.array(means, dtype=np.float32)
    for k in range(steps):
        t, dt = times[k], times[k + 1] - times[k]
        v = np.float32(std * std + t)
        d = mu[None, :, :] - x[:, None, :]
        logits = -0.5 * (d * d).sum(-1) / v
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        r = e / e.sum(axis=1, keepdims=True)
        score = (r[:, :, None] * d).sum(1) / v
        noise = np.float32(math.sqrt(-dt) if k < steps - 1 else 0.0)
        x = x - np.float32(dt) * score + noise * rng.standard_normal((n, 2), dtype=np.float32)
    return x


best_of("numpy_1", numpy_run)
print(json.dumps(result))
