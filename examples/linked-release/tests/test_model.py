from pebble.model import PebbleModel


def test_shapes():
    assert PebbleModel()(__import__("torch").zeros(1, 8, dtype=__import__("torch").long)).shape == (1, 8, 256)
