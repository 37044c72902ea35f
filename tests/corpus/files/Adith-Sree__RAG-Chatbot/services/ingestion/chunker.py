# Stand-in for Adith-Sree/RAG-Chatbot:services/ingestion/chunker.py - hand-written for the osai-scan corpus, not copied.
"""split text into overlapping chunks"""


def chunk_text(text: str, chunk_size: int = 800, overlap: int = 120) -> list[dict]:
    """Split a document into overlapping windows before embedding them into the index."""
    words, chunks, start = text.split(), [], 0
    while start < len(words):
        end = min(len(words), start + chunk_size)
        chunks.append({"text": " ".join(words[start:end]), "start": start, "end": end})
        if end == len(words):
            break
        start = end - overlap
    return chunks
