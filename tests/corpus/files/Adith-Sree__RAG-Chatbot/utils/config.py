# Stand-in for Adith-Sree/RAG-Chatbot:utils/config.py - hand-written for the osai-scan corpus, not copied.
"""pydantic settings for rag service"""
import os
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    llm_model: str = os.getenv("LLM_MODEL", "gpt-4o-mini")
    embedding_model: str = "BAAI/bge-small-en-v1.5"
    chunk_size: int = 512
    chunk_overlap: int = 64
    top_k: int = 5
    temperature: float = 0.1


settings = Settings()
