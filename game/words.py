"""Words the game shows that are not tied to one screen: the glossary, cell types, event kinds.

The glossary uses the article's own words (see ``../shared/seed``). Every entry is marked with
``N_`` so it lands in the catalog template; screens translate it with ``_`` when they draw it.
Titles of meals, stressors and actions come from the engine's content catalog and go through
``_`` too (``make_pot`` copies them into the template).
"""

from __future__ import annotations

from game.i18n import N_, _

CELL_TYPES = {"muscle": N_("muscle"), "fat": N_("fat"), "liver": N_("liver")}

# (term, glyph, definition)
GLOSSARY: tuple[tuple[str, str, str], ...] = (
    (N_("Insulin"), "insulin",
     N_("A hormone produced by the pancreas that regulates blood glucose. After a meal it is released to help cells "
        "take up glucose for energy or storage. In the game it is a key.")),
    (N_("Insulin receptor"), "receptor",
     N_("The lock on the cell surface that insulin binds to. Binding starts a signaling cascade inside the cell. "
        "In resistance, cells have fewer receptors or less sensitive ones.")),
    (N_("Signaling cascade"), "signal",
     N_("The chain of internal messages (IRS, PI3K, Akt) that carries insulin's signal from the receptor to the "
        "glucose-uptake machinery. Defects in its early steps stop the signal getting through.")),
    (N_("GLUT4"), "glut4",
     N_("A glucose transporter. When insulin's signal arrives, GLUT4 moves to the cell membrane and acts as a "
        "channel that lets glucose in. Exercise moves it there even without insulin.")),
    (N_("Blood glucose"), "glucose",
     N_("Sugar in the blood: the fuel waiting outside the cell. When cells cannot take it up, it piles up.")),
    (N_("Glycogen"), "glucose",
     N_("Glucose stored inside the cell for later use.")),
    (N_("Insulin resistance"), "receptor",
     N_("Cells do not respond effectively to insulin: even with insulin present they struggle to absorb glucose, "
        "so blood glucose rises and the pancreas makes even more insulin to compensate.")),
    (N_("Starving amid plenty"), "energy",
     N_("Blood sugar is high outside the cells while the cells themselves are starved of energy inside: the body "
        "has plenty of fuel, but its cells cannot access it.")),
    (N_("Inflammation"), "inflammation",
     N_("Inflammatory molecules called cytokines directly interfere with insulin signaling: they impair the "
        "receptors and disrupt downstream communication. Shown as throbbing spiky balls.")),
    (N_("Oxidative stress"), "ros",
     N_("Reactive oxygen species (ROS) are unstable molecules that damage cell parts, including insulin receptors "
        "and the proteins of the signaling cascade. Shown as flickering sparks.")),
    (N_("Mitochondria"), "mito",
     N_("The cell's powerhouses. When they do not work efficiently, energy production falls and oxidative stress "
        "rises: a feedback loop that worsens insulin response.")),
    (N_("Lipotoxicity"), "lipotoxic",
     N_("Excessive fat accumulating inside cells, especially in muscle and liver. These fat deposits interfere "
        "with the insulin pathway. Shown as sharp shards by the fat droplets.")),
    (N_("ER stress"), "er_stress",
     N_("The endoplasmic reticulum (ER) folds and modifies proteins. When it is overwhelmed it switches on stress "
        "responses that interfere with insulin signaling. Shown as wriggling strands.")),
    (N_("Protein synthesis"), "signal",
     N_("How cells build and repair themselves. Insulin resistance impairs it, so damage to receptors and signaling "
        "proteins is repaired more slowly.")),
    (N_("Fatigue"), "energy",
     N_("With too little glucose getting in, cells lack fuel for their work; throughout the body this is felt as "
        "tiredness and low energy.")),
)


def cell_type_name(slug: str) -> str:
    return _(CELL_TYPES.get(slug, slug))


def catalog_title(slug: str, cat=None) -> str:
    """A meal's, stressor's or action's title from the engine's catalog, translated."""
    if cat is None:
        from sim.content import default_catalog

        cat = default_catalog()
    for table in (cat.meals, cat.stressors, cat.actions):
        if slug in table:
            return _(table[slug].title)
    return slug.replace("_", " ").capitalize()
