# Stand-in for axolotl-ai-cloud/axolotl:docs/scripts/generate_config_docs.py - hand-written for the osai-scan corpus, not copied.
"""render config docs from schema"""
import inspect
from pathlib import Path
from axolotl_config_schema import TrainingConfig   # pydantic model of the config file

lines = ["---", "title: Config reference", "---", ""]
for name, field in TrainingConfig.model_fields.items():
    lines.append(f"### `{name}`\n\n{inspect.cleandoc(field.description or '')}\n")
Path("docs/config-reference.qmd").write_text("\n".join(lines))
