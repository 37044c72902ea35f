# Stand-in for ultralytics/yolov5:utils/flask_rest_api/restapi.py - hand-written for the osai-scan corpus, not copied.
import argparse
import io

import torch
from flask import Flask, request
from PIL import Image

app = Flask(__name__)
models = {}


@app.route("/v1/object-detection/<model>", methods=["POST"])
def predict(model):
    im = Image.open(io.BytesIO(request.files["image"].read()))
    results = models[model](im, size=640)
    return results.pandas().xyxy[0].to_json(orient="records")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", default=5000, type=int)
    opt = parser.parse_args()
    models["yolov5s"] = torch.hub.load("ultralytics/yolov5", "yolov5s")
    app.run(host="0.0.0.0", port=opt.port)
