"""The CPU bench's network reference: sampling with the MLP score network of score-nets in PyTorch.

The network of `mlpScoreNetwork({ dim: 2 })`: input [x, sin(t f), cos(t f)] (16 random Fourier
features of t), three Linear(., 128) + SiLU layers, Linear(128, 2), float32, evaluated under
torch.no_grad() on PARTICLES particles at one t per step (the features computed for every row, as
a PyTorch model takes them), followed by the Euler-Maruyama update x <- x + dt * score + noise.
`steps` steps, on THREADS threads (torch.set_num_threads; run it with OPENBLAS_NUM_THREADS and
OMP_NUM_THREADS set alike, or OpenBLAS starts a thread per core whatever torch is told). Prints one
JSON line: particle-steps per second, best of 3: wall time (`torch_N`), CPU time of the busiest
thread (`torch_N_cpu`) and of all threads together (`torch_N_total`), the version and the BLAS (the
library libblas.so.3 resolves to: Debian's reference BLAS unless LD_LIBRARY_PATH points at OpenBLAS).

With a fourth argument `train`, it trains instead: DSM steps (Song et al. 2021, eq. 7) of the same
network on batches of PARTICLES rows of fixed data, t ~ U[1e-3, 1] per row, x_t = m x_0 + s z under
the VP SDE with beta = 1, the loss mean |eps(x_t, t) - z|^2, backward, gradient-norm clipping at 1
and Adam (lr 1e-3): rates in steps per second.

Usage: python3 network_reference.py PARTICLES STEPS THREADS [train]
"""
import json
import math
import sys

import torch

from cpu_times import best_times

n = int(sys.argv[1])
steps = int(sys.argv[2])
threads = int(sys.argv[3])
training = len(sys.argv) > 4 and sys.argv[4] == "train"
result = {"torch": torch.__version__}


def blas():
    """The file libblas.so.3 resolved to in this process (from /proc/self/maps)."""
    with open("/proc/self/maps") as maps:
        for line in maps:
            if "libblas" in line or "openblas" in line:
                return line.split()[-1]
    return "unknown"


class Mlp(torch.nn.Module):
    def __init__(self, width=128, depth=3, features=16):
        super().__init__()
        self.register_buffer("w", torch.randn(features // 2) * 16 * 2 * math.pi)
        sizes = [2 + features] + [width] * depth
        self.hidden = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))
        self.out = torch.nn.Linear(width, 2)

    def forward(self, x, t):
        angle = t[:, None] * self.w[None, :]
        h = torch.cat([x, torch.sin(angle), torch.cos(angle)], 1)
        for layer in self.hidden:
            h = torch.nn.functional.silu(layer(h))
        return self.out(h)


def best_of(name, run):
    """Stores the best wall, busiest-thread CPU and all-threads CPU rates, in particle-steps per second."""
    wall, cpu, total = best_times(run)
    work = steps if training else n * steps
    result[name] = work / wall
    result[name + "_cpu"] = work / cpu
    result[name + "_total"] = work / total


torch.manual_seed(0)
model = Mlp().eval()
times = [1.0 - 0.999 * k / steps for k in range(steps + 1)]


def sample():
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(n, 2, generator=gen)
    with torch.no_grad():
        for k in range(steps):
            t, dt = times[k], times[k] - times[k + 1]
            score = -model(x, torch.full((n,), t)) / math.sqrt(1 - math.exp(-t))
            x = x + dt * (0.5 * x + score) + math.sqrt(dt) * torch.randn(n, 2, generator=gen)
    return x


optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
data = torch.randn(n, 2)


def train():
    gen = torch.Generator().manual_seed(0)
    for _ in range(steps):
        t = 1e-3 + (1 - 1e-3) * torch.rand(n, generator=gen)
        z = torch.randn(n, 2, generator=gen)
        m = torch.exp(-t / 2)[:, None]
        s = torch.sqrt(-torch.expm1(-t))[:, None]
        loss = ((model(m * data + s * z, t) - z) ** 2).sum(1).mean()
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()


torch.set_num_threads(threads)
best_of(f"torch_{threads}", train if training else sample)
result["blas"] = blas()
print(json.dumps(result))
