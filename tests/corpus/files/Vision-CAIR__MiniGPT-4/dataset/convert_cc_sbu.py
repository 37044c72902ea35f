# Stand-in for Vision-CAIR/MiniGPT-4:dataset/convert_cc_sbu.py - hand-written for the osai-scan corpus, not copied.
import csv
import json

input_file = "captions.json"
output_file = "captions.tsv"

with open(input_file) as f:
    data = json.load(f)

with open(output_file, "w") as f:
    writer = csv.writer(f, delimiter="\t")
    writer.writerow(data[0].keys())
    writer.writerows(row.values() for row in data)
