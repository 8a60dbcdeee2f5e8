"""The rendered-text cache stays within its byte budget however many paragraphs a session shows."""

import pygame


def test_label_cache_never_holds_more_than_its_byte_budget(app):
    from game.fonts import Labels

    labels = Labels(app.fonts, byte_limit=2 << 20)
    for i in range(300):  # ~300 distinct wrapped paragraphs, tens of megabytes if all were kept
        labels.block(f"Paragraph {i}: " + "glucose waits outside the cell " * 12, 20, (255, 255, 255), 600)
        assert labels._bytes <= labels.byte_limit
        assert labels._bytes == sum(s.get_pitch() * s.get_height() for s in labels._cache.values())
    again = labels.get("same text", 20, (1, 2, 3))
    assert labels.get("same text", 20, (1, 2, 3)) is again  # a hit is still a hit
    assert isinstance(again, pygame.Surface)
