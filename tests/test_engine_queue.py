"""The event queue orders by (time, phase, seq) and cancels lazily."""

from hypothesis import given
from hypothesis import strategies as st

from sim.events import Event, Phase
from sim.queue import EventQueue


def ev(t, phase=Phase.LEVEL, label=""):
    return Event(t, "level", phase, label)


def drain(q):
    out = []
    while q.peek_time() is not None:
        out.append(q.pop()[1])
    return out


def test_queue_orders_by_time_then_phase():
    q = EventQueue()
    q.push(ev(10, Phase.EFFECT_START, "late-phase"))
    q.push(ev(5, Phase.GOAL_CHECK, "early"))
    q.push(ev(10, Phase.EFFECT_END, "early-phase"))
    assert [e.label for e in drain(q)] == ["early", "early-phase", "late-phase"]


def test_queue_breaks_ties_in_push_order():
    q = EventQueue()
    for i in range(20):
        q.push(ev(3.0, Phase.MEAL, str(i)))
    assert [e.label for e in drain(q)] == [str(i) for i in range(20)]


def test_queue_cancelled_event_never_fires():
    q = EventQueue()
    keep = q.push(ev(1, label="keep"))
    gone = q.push(ev(0.5, label="gone"))
    q.cancel(gone)
    assert len(q) == 1
    assert q.peek_time() == 1
    assert [e.label for e in drain(q)] == ["keep"]
    assert keep == 0


def test_queue_upcoming_lists_live_events_in_order():
    q = EventQueue()
    a = q.push(ev(30, label="b"))
    q.push(ev(10, label="a"))
    q.push(ev(40, label="c"))
    q.cancel(a)
    assert [e.label for e in q.upcoming()] == ["a", "c"]
    assert [e.label for e in q.upcoming(1)] == ["a"]


def test_queue_json_round_trip_keeps_order_and_sequence():
    q = EventQueue()
    for t in (5, 1, 5, 3):
        q.push(ev(t, label=str(t)))
    r = EventQueue.from_jsonable(q.to_jsonable())
    r.push(ev(5, label="new"))
    assert [e.label for e in drain(r)] == ["1", "3", "5", "5", "new"]


@given(st.lists(st.tuples(st.floats(0, 1e4, allow_nan=False), st.sampled_from(list(Phase)), st.booleans()), max_size=60))
def test_queue_pops_in_key_order_whatever_the_pushes(items):
    q = EventQueue()
    keys = []
    for i, (t, phase, cancel) in enumerate(items):
        seq = q.push(ev(t, phase, str(i)))
        if cancel:
            q.cancel(seq)
        else:
            keys.append((t, int(phase), seq))
    popped = []
    while q.peek_time() is not None:
        seq, e = q.pop()
        popped.append((e.time_min, int(e.phase), seq))
    assert popped == sorted(keys)
