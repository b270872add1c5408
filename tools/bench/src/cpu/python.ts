import { existsSync } from 'node:fs';

/**
 * The Python that runs the references: `$SCOREFLOW_PYTHON`, else Debian's /usr/bin/python3 (where
 * `apt-get install python3-torch` puts torch, which a pyenv `python3` on the PATH does not see), else `python3`.
 */
export const python = (): string => process.env.SCOREFLOW_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
