# Stand-in for UKPLab/sentence-transformers:examples/sentence_transformer/applications/image-search/example.py - hand-written for the osai-scan corpus, not copied.
"""clip zero-shot demo"""
from sentence_transformers import SentenceTransformer, util

model = SentenceTransformer("all-MiniLM-L6-v2")
corpus = ["A man is eating food.", "A monkey is playing drums.", "Someone in a gorilla costume plays a set of drums."]
queries = ["A man is eating pasta.", "A gorilla is playing drums."]
corpus_emb = model.encode(corpus, convert_to_tensor=True)
for q in queries:
    hits = util.semantic_search(model.encode(q, convert_to_tensor=True), corpus_emb, top_k=2)[0]
    print(q, [(corpus[h["corpus_id"]], round(h["score"], 3)) for h in hits])
