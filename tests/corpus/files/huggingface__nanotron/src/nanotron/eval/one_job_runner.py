# Stand-in for huggingface/nanotron:src/nanotron/eval/one_job_runner.py - hand-written for the osai-scan corpus, not copied.
import subprocess

from nanotron.config import Config


class LightEvalRunner:
    """Evaluates every checkpoint the trainer saves by submitting a Slurm job."""

    def __init__(self, config: Config):
        self.config = config

    def eval_single_checkpoint(self, step):
        checkpoint = f"{self.config.checkpoints.checkpoints_path}/{step}"
        script = (
            "#!/bin/bash\n#SBATCH --nodes=1\n"
            f"torchrun --nproc_per_node=8 run_evals.py --checkpoint-config-path {checkpoint}/config.yaml\n"
        )
        with open(f"eval_{step}.slurm", "w") as f:
            f.write(script)
        subprocess.run(["sbatch", f"eval_{step}.slurm"], check=True)
