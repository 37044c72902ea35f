# Stand-in for axolotl-ai-cloud/axolotl:cicd/multigpu.py - hand-written for the osai-scan corpus, not copied.
"""modal ci runner"""
import os
import subprocess

GPU = os.environ.get("CI_GPU", "A100")
CMD = "pytest -v -n2 tests/e2e/multigpu/"


def run_on_ci_runner():
    print(f"launching on {GPU}")
    subprocess.run(["modal", "run", "--detach", "cicd/runner.py", "--cmd", CMD], check=True)


if __name__ == "__main__":
    run_on_ci_runner()
