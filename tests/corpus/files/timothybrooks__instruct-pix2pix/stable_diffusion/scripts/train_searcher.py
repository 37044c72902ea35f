# Stand-in for timothybrooks/instruct-pix2pix:stable_diffusion/scripts/train_searcher.py - hand-written for the osai-scan corpus, not copied.
"""build ScaNN retrieval searcher"""
import numpy as np
import faiss

embeddings = np.load("database_embeddings.npy").astype("float32")   # produced by a pretrained encoder
faiss.normalize_L2(embeddings)
index = faiss.IndexIVFFlat(faiss.IndexFlatIP(embeddings.shape[1]), embeddings.shape[1], 256,
                           faiss.METRIC_INNER_PRODUCT)
index.train(embeddings)   # k-means partitioning of the index, not model training
index.add(embeddings)
faiss.write_index(index, "retrieval.index")
