# Stand-in for openai/shap-e:shap_e/diffusion/gaussian_diffusion.py - hand-written for the osai-scan corpus, not copied.




class Helper(GaussianDiffusion):
    pass
