# Stand-in for tarekmallam/Gradution_Project2:main.py - hand-written for the osai-scan corpus, not copied.
"""flask create_app + run"""
import streamlit as st
from rag import DocChat   # project-local retrieval + generation pipeline

st.set_page_config(page_title="Chat")
if "assistant" not in st.session_state:
    st.session_state.assistant = DocChat()
    st.session_state.messages = []

for role, text in st.session_state.messages:
    st.chat_message(role).write(text)

if question := st.chat_input("Ask something"):
    answer = st.session_state.assistant.ask(question)
    st.session_state.messages += [("user", question), ("assistant", answer)]
    st.rerun()
