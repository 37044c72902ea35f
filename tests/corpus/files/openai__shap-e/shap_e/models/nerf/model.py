# Stand-in for openai/shap-e:shap_e/models/nerf/model.py - hand-written for the osai-scan corpus, not copied.




class Helper(ABC):
    pass
