# Stand-in for imartinez/privateGPT:scripts/ingest_folder.py - hand-written for the osai-scan corpus, not copied.
"""walk folder and ingest docs into index"""
import argparse
from pathlib import Path
from app_services import ingest_service   # project-local: embeds and stores documents

parser = argparse.ArgumentParser()
parser.add_argument("folder", type=Path)
parser.add_argument("--ignored", nargs="*", default=[])
args = parser.parse_args()

for path in args.folder.rglob("*"):
    if path.is_file() and path.name not in args.ignored:
        ingest_service.ingest_file(path.name, path)   # chunk -> embed -> vector store
        print("ingested", path)
