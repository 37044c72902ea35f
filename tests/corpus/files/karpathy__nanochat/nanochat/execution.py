# Stand-in for karpathy/nanochat:nanochat/execution.py - hand-written for the osai-scan corpus, not copied.
"""run generated code in subprocess with limits"""
import subprocess
import sys
import tempfile


def execute_generated_code(code: str, timeout: float = 5.0) -> dict:
    """Run model-written code for benchmark scoring in a throwaway interpreter."""
    with tempfile.TemporaryDirectory() as d:
        try:
            p = subprocess.run([sys.executable, "-I", "-c", code], cwd=d, capture_output=True,
                               text=True, timeout=timeout)
            return {"passed": p.returncode == 0, "stdout": p.stdout, "stderr": p.stderr}
        except subprocess.TimeoutExpired:
            return {"passed": False, "stdout": "", "stderr": "timeout"}
