# Stand-in for run-llama/rags:core/utils.py - hand-written for the osai-scan corpus, not copied.
"""load docs, build index, make agent"""
from langchain_community.document_loaders import PyPDFLoader
from langchain_community.embeddings import FastEmbedEmbeddings
from langchain_community.vectorstores import Chroma
from langchain_text_splitters import RecursiveCharacterTextSplitter


class DocumentQA:
    def __init__(self, llm):
        self.llm = llm
        self.splitter = RecursiveCharacterTextSplitter(chunk_size=700, chunk_overlap=80)
        self.store = None

    def ingest(self, pdf_path):
        chunks = self.splitter.split_documents(PyPDFLoader(pdf_path).load())
        self.store = Chroma.from_documents(chunks, embedding=FastEmbedEmbeddings())

    def ask(self, question, k=3):
        docs = self.store.similarity_search(question, k=k)
        context = "\n\n".join(d.page_content for d in docs)
        return self.llm.invoke(f"Answer using only this context:\n{context}\n\nQuestion: {question}")
