"""The exercise catalog: every exercise the programs prescribe or a person may log.

Ids are stable snake_case and part of the public interface (actions, voice,
import). Flags follow the `Exercise` docstring and the rules in docs/coaching.md:

* `working`: the set loads the hamstrings and counts toward the weekly set
  target (R3). Warm-up/mobility drills, stretches, foam rolling, balance holds,
  running and plyometric drills are not working sets. Lunges, step-ups and
  step-downs are not either: article 001 says lunges "mostly target the front
  of the leg", and its 12-set target counts "dedicated sets for hamstrings".
* `light`: gentle work that alone never makes a session hard: everything that
  is not a working set and is low intensity, plus the bodyweight activation
  moves that articles 000, 003 and 004 put on light/daily days.
* `per_leg`: unilateral; the prescription is per leg, a set still counts once.
* `compound`: loaded multi-joint lifts that progress by load (R4); article 000
  names "deadlifts, RDLs, and hip thrusts", article 001 adds good mornings.
* `loadable`: an external load (kg/lb) may be logged; article 001 rates bands
  in pounds ("about 20 to 35 pounds ... up to 150 pounds"), so band exercises
  with a rated band or tube are loadable too.
* `load_step`: loaded isolation work (leg curls, the glute bridge) also gains
  load, in half the compound step (002: increase the weights; small steps).
* `band`: band work progresses to the next, heavier band (001).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .models import Exercise, Measure

_REPS = Measure.REPS
_SECONDS = Measure.SECONDS

_CATALOG: tuple[Exercise, ...] = (
    # Compound lifts (000 Day 1, 001 weight room, 002): progress by load.
    Exercise(
        id="conventional_deadlift",
        name="Conventional deadlift",
        measure=_REPS,
        working=True,
        compound=True,
        loadable=True,
    ),
    Exercise(
        id="romanian_deadlift",
        name="Romanian deadlift",
        measure=_REPS,
        working=True,
        compound=True,
        loadable=True,
    ),
    Exercise(
        id="hip_thrust",
        name="Hip thrust",
        measure=_REPS,
        working=True,
        compound=True,
        loadable=True,
    ),
    Exercise(
        id="good_morning",
        name="Good morning",
        measure=_REPS,
        working=True,
        compound=True,
        loadable=True,
    ),
    # Loaded but not `compound`: a ballistic power move (001) whose kettlebell
    # sizes come in coarse steps, so it progresses by reps/sets, not small loads.
    Exercise(
        id="kettlebell_swing",
        name="Kettlebell swing",
        measure=_REPS,
        working=True,
        loadable=True,
    ),
    # Single-leg RDL: bodyweight or light dumbbells, balance first (000), so it
    # progresses by reps/sets rather than load.
    Exercise(
        id="single_leg_romanian_deadlift",
        name="Single-leg Romanian deadlift",
        measure=_REPS,
        working=True,
        per_leg=True,
        loadable=True,
    ),
    # Rehab phase 4 hinge (003): bodyweight only, so neither compound nor loadable.
    Exercise(
        id="bodyweight_romanian_deadlift",
        name="Bodyweight Romanian deadlift",
        measure=_REPS,
        working=True,
    ),
    Exercise(
        id="arabesque",
        name="Standing arabesque",
        measure=_REPS,
        working=True,
        per_leg=True,
    ),
    # Bridges. The glute bridge "can be easily modified by adding weight" (002).
    Exercise(
        id="glute_bridge",
        name="Glute bridge",
        measure=_REPS,
        working=True,
        loadable=True,
        load_step=0.5,
    ),
    Exercise(
        id="single_leg_glute_bridge",
        name="Single-leg glute bridge",
        measure=_REPS,
        working=True,
        per_leg=True,
    ),
    # Light: the bodyweight bridge is the Day 3 light-day exercise of 000.
    Exercise(
        id="bodyweight_bridge",
        name="Bodyweight bridge",
        measure=_REPS,
        working=True,
        light=True,
    ),
    # Light: the isometric hold and the bridge march are the phase-1
    # activation work of 004 ("controlled isometrics and light bridges").
    Exercise(
        id="isometric_bridge_hold",
        name="Isometric bridge hold",
        measure=_SECONDS,
        working=True,
        light=True,
    ),
    Exercise(
        id="bridge_march",
        name="Bridge march",
        measure=_REPS,
        working=True,
        light=True,
        per_leg=True,
    ),
    Exercise(
        id="eccentric_bridge",
        name="Eccentric bridge",
        measure=_REPS,
        working=True,
    ),
    Exercise(
        id="stability_ball_bridge",
        name="Stability ball bridge",
        measure=_REPS,
        working=True,
    ),
    Exercise(
        id="bridge_with_ball_curl",
        name="Bridge with ball curl",
        measure=_REPS,
        working=True,
    ),
    # Curls (knee flexion).
    Exercise(
        id="nordic_curl",
        name="Nordic hamstring curl",
        measure=_REPS,
        working=True,
    ),
    Exercise(
        id="eccentric_slider_curl",
        name="Eccentric slider curl",
        measure=_REPS,
        working=True,
    ),
    Exercise(
        id="stability_ball_leg_curl",
        name="Stability ball leg curl",
        measure=_REPS,
        working=True,
    ),
    # Machine in the gym (001), leg weight then ankle weight or band in rehab (003).
    Exercise(
        id="lying_leg_curl",
        name="Lying leg curl",
        measure=_REPS,
        working=True,
        loadable=True,
        load_step=0.5,
    ),
    Exercise(
        id="seated_leg_curl",
        name="Seated leg curl",
        measure=_REPS,
        working=True,
        loadable=True,
        load_step=0.5,
    ),
    # Band work (001): bands are rated in pounds, so the load may be logged.
    Exercise(
        id="band_romanian_deadlift",
        name="Band Romanian deadlift",
        measure=_REPS,
        working=True,
        loadable=True,
        band=True,
    ),
    Exercise(
        id="band_lying_leg_curl",
        name="Lying band hamstring curl",
        measure=_REPS,
        working=True,
        per_leg=True,
        loadable=True,
        band=True,
    ),
    # Hip band marches alternate legs; the band is not rated, so not loadable.
    Exercise(
        id="banded_hamstring_march",
        name="Banded hamstring march",
        measure=_REPS,
        working=True,
        per_leg=True,
        band=True,
    ),
    # Rehab (003). Seated hamstring sets are light activation (daily in phase 1)
    # but do load the hamstrings, and 003 counts them as strength work.
    Exercise(
        id="seated_hamstring_set",
        name="Seated hamstring set",
        measure=_REPS,
        working=True,
        light=True,
        per_leg=True,
    ),
    # Not light: the core of the rehab strength days, which 003 treats as the
    # "harder sessions" needing a rest day between them.
    Exercise(
        id="standing_hip_extension",
        name="Standing hip extension",
        measure=_REPS,
        working=True,
        per_leg=True,
    ),
    # Not working (quad-dominant, see module docstring); light as in 000 Day 3.
    Exercise(
        id="lunge",
        name="Lunge",
        measure=_REPS,
        working=False,
        light=True,
        per_leg=True,
    ),
    Exercise(
        id="step_up",
        name="Step-up",
        measure=_REPS,
        working=False,
        light=True,
        per_leg=True,
    ),
    # Not light: eccentric and plyometric work of the rehab dynamic phase (003).
    Exercise(
        id="slow_step_down",
        name="Slow step-down",
        measure=_REPS,
        working=False,
        per_leg=True,
    ),
    Exercise(
        id="plyometric_lunge",
        name="Light plyometric lunge",
        measure=_REPS,
        working=False,
        per_leg=True,
    ),
    # Running and plyometric drills (004): not working sets, and not light
    # either, since they "demand a mature base" and load the hamstrings fast.
    Exercise(
        id="hill_strides",
        name="Hill strides",
        measure=_REPS,
        working=False,
    ),
    Exercise(
        id="box_taps",
        name="Box taps",
        measure=_REPS,
        working=False,
    ),
    Exercise(
        id="skips",
        name="Skips",
        measure=_REPS,
        working=False,
    ),
    Exercise(
        id="light_bounding",
        name="Light bounding",
        measure=_REPS,
        working=False,
    ),
    Exercise(
        id="hill_repeats",
        name="Short hill repeats",
        measure=_REPS,
        working=False,
    ),
    # Warm-up, cool-down and activation blocks, dosed in seconds (minutes of
    # easy movement): never working sets, always light.
    Exercise(
        id="warm_up",
        name="Warm-up",
        measure=_SECONDS,
        working=False,
        light=True,
    ),
    Exercise(
        id="cool_down",
        name="Cool-down",
        measure=_SECONDS,
        working=False,
        light=True,
    ),
    Exercise(
        id="activation_block",
        name="Activation block",
        measure=_SECONDS,
        working=False,
        light=True,
    ),
    # Warm-up and mobility: never working sets, always light.
    Exercise(
        id="sumo_squat_to_stand",
        name="Sumo squat to stand",
        measure=_REPS,
        working=False,
        light=True,
    ),
    Exercise(
        id="single_leg_balance",
        name="Single-leg balance",
        measure=_SECONDS,
        working=False,
        light=True,
        per_leg=True,
    ),
    Exercise(
        id="hamstring_stretch",
        name="Hamstring stretch",
        measure=_SECONDS,
        working=False,
        light=True,
        per_leg=True,
        stretch=True,
    ),
    Exercise(
        id="doorway_hamstring_stretch",
        name="Doorway hamstring stretch",
        measure=_SECONDS,
        working=False,
        light=True,
        per_leg=True,
        stretch=True,
    ),
    Exercise(
        id="calf_stretch",
        name="Calf stretch",
        measure=_SECONDS,
        working=False,
        light=True,
        per_leg=True,
        stretch=True,
    ),
    # Runners' daily mobility "targets hip flexors, calf muscles" (004).
    Exercise(
        id="hip_flexor_stretch",
        name="Hip flexor stretch",
        measure=_SECONDS,
        working=False,
        light=True,
        per_leg=True,
        stretch=True,
    ),
    Exercise(
        id="foam_rolling",
        name="Foam rolling",
        measure=_SECONDS,
        working=False,
        light=True,
    ),
)

EXERCISES: Mapping[str, Exercise] = MappingProxyType({e.id: e for e in _CATALOG})
"""Every catalog exercise by id, in catalog order (read-only)."""


def exercise(exercise_id: str) -> Exercise | None:
    """Return the catalog exercise with this id, if there is one."""
    return EXERCISES.get(exercise_id)
