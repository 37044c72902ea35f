# Stand-in for allenai/open-instruct:human_eval/app.py - hand-written for the osai-scan corpus, not copied.
# annotators log in and state which of two model outputs they prefer; records go to a database
from flask import Flask, jsonify, render_template, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///records.db"
db = SQLAlchemy(app)


class EvaluationRecord(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    instance_id = db.Column(db.String(200))
    preference = db.Column(db.String(50))


@app.route("/")
def index():
    return render_template("index.html")


@app.route("/api/submit-evaluation", methods=["POST"])
def submit():
    db.session.add(EvaluationRecord(**request.json))
    db.session.commit()
    return jsonify(ok=True)


if __name__ == "__main__":
    app.run(port=5001)
