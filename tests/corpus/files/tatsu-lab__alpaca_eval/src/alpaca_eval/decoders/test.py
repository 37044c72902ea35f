# Stand-in for tatsu-lab/alpaca_eval:src/alpaca_eval/decoders/test.py - hand-written for the osai-scan corpus, not copied.
# a decoder used by the tests: returns the same completion for every prompt (library code, not a pytest file)
__test__ = False  # inert under pytest: a stand-in, not a test of this project

__all__ = ["test_completions"]


def test_completions(prompts, model_name="test", value="{'name': 'test'}", **decoding_kwargs):
    responses = [value for _ in prompts]
    return dict(completions=responses, price_per_example=[0] * len(responses))
