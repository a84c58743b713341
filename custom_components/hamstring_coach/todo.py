"""To-do list: today's workout as a checklist.

Checking every working exercise logs the session (source `todo`): as
prescribed, or as the items' edited descriptions say it was done ("3x6 @ 60
kg", "skipped"; read by `core.actual`). The finished list stays for `UNDO_WINDOW`: unchecking an item then
undoes that log; when the window ends the list rolls over to the following
workout. Checks are kept on disk (the entry's promises file) before a check
is answered, so a restart mid-workout keeps them; a restart inside the undo
window shows the following workout (the logged session stays).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from homeassistant.components.todo import TodoItem, TodoListEntity
from homeassistant.components.todo.const import TodoItemStatus, TodoListEntityFeature
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.util import dt as dt_util

from .const import LOGGER
from .coordinator import HamstringCoachConfigEntry, HamstringCoordinator
from .core.actual import parse_actual
from .core.models import ExerciseLog
from .core.present import day_name, dose_dict, exercise_name, log_text, phrase
from .core.sessions import CoachError, SessionInput
from .core.wording import ENGLISH, Wording
from .core.workout import Workout
from .entity import HamstringCoachEntity
from .errors import user_error, validation_error
from .promises import Ticks
from .texts import cached_texts

PARALLEL_UPDATES = 1

UNDO_WINDOW = timedelta(minutes=15)

TODAYS_WORKOUT = EntityDescription(
    key="todays_workout", translation_key="todays_workout"
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: HamstringCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the checklist of one entry."""
    async_add_entities([TodaysWorkoutList(entry.runtime_data, TODAYS_WORKOUT)])


def _uid(workout: Workout, index: int) -> str:
    return f"{workout.day.id}:{index}:{workout.doses[index].prescription.exercise}"


def _description(workout: Workout, index: int, words: Wording) -> str:
    """'3 x 5 reps at 60 kg (3 x 5-8). <why the dose changed>'."""
    dose = workout.doses[index]
    view = dose_dict(dose, words)
    return phrase(
        "todo",
        words,
        dose=log_text(dose.as_log(), words),
        prescription=str(view["prescription"]),
        progression=str(view["progression"]),
    )


@dataclass(frozen=True, slots=True)
class _Done:
    """A list finished by checking: its workout and the session it logged.

    `session_id` is None while the session is being logged.
    """

    workout: Workout
    session_id: str | None
    until: datetime


class TodaysWorkoutList(HamstringCoachEntity, TodoListEntity):
    """The next workout, one item per exercise."""

    _attr_supported_features = (
        TodoListEntityFeature.UPDATE_TODO_ITEM
        | TodoListEntityFeature.SET_DESCRIPTION_ON_ITEM
    )

    def __init__(
        self, coordinator: HamstringCoordinator, description: EntityDescription
    ) -> None:
        """Start with no edited descriptions."""
        super().__init__(coordinator, description)
        # Edited descriptions by item uid: the text and what it says was done.
        self._actuals: dict[str, tuple[str, ExerciseLog | None]] = {}

    _checked: frozenset[str] = frozenset()
    _done: _Done | None = None
    _unsub_rollover: CALLBACK_TYPE | None = None

    async def async_added_to_hass(self) -> None:
        """Bring back the checks of this workout saved before a restart."""
        await super().async_added_to_hass()
        ticks = self.coordinator.promises.ticks
        if ticks is not None and ticks.day == self._workout.day.id:
            workout = self._workout
            uids = {_uid(workout, i) for i in range(len(workout.doses))}
            self._checked = ticks.checked & uids
            self.async_write_ha_state()

    async def async_will_remove_from_hass(self) -> None:
        """Drop the rollover timer."""
        self._cancel_rollover()
        await super().async_will_remove_from_hass()

    @property
    def _workout(self) -> Workout:
        return self._done.workout if self._done else self.coordinator.data.next_workout

    @property
    def todo_items(self) -> list[TodoItem]:
        """One item per exercise; all checked while a finished list can be undone."""
        workout = self._workout
        words = cached_texts(self.hass)
        items = []
        for index, dose in enumerate(workout.doses):
            uid = _uid(workout, index)
            done = self._done is not None or uid in self._checked
            items.append(
                TodoItem(
                    summary=exercise_name(dose.prescription.exercise, words),
                    uid=uid,
                    status=TodoItemStatus.COMPLETED
                    if done
                    else TodoItemStatus.NEEDS_ACTION,
                    description=self._actuals[uid][0]
                    if uid in self._actuals
                    else _description(workout, index, words),
                )
            )
        return items

    async def async_update_todo_item(self, item: TodoItem) -> None:
        """Check or uncheck an exercise; the last working one logs the session."""
        workout = self._workout
        uids = {_uid(workout, i): d for i, d in enumerate(workout.doses)}
        if item.uid not in uids:
            raise user_error("unknown_todo_item", item=str(item.uid))
        exercise = uids[item.uid].prescription.exercise
        name = exercise_name(exercise, cached_texts(self.hass))
        if item.summary not in (None, name, exercise_name(exercise, ENGLISH)):
            # The items are the program's exercises; a new name would be lost.
            raise user_error("todo_item_rename", item=name)
        checked = item.status == TodoItemStatus.COMPLETED
        if self._done is None:
            self._note_actual(workout, str(item.uid), item.description)
        if self._done is not None:
            if not checked:
                await self._async_undo(self._done, set(uids) - {str(item.uid)})
            return
        new = (
            self._checked | {str(item.uid)}
            if checked
            else self._checked - {str(item.uid)}
        )
        working = {uid for uid, dose in uids.items() if dose_dict(dose)["working"]}
        if checked and working <= new:
            self._checked = new
            await self._async_log(workout)
            await self._async_forget_ticks(None)
        else:
            await self.coordinator.async_save_ticks(Ticks(workout.day.id, new))
            self._checked = new
        self.async_write_ha_state()

    def _note_actual(self, workout: Workout, uid: str, text: str | None) -> None:
        """Read an edited description as what was done; bad text stores nothing."""
        index = next(i for i in range(len(workout.doses)) if _uid(workout, i) == uid)
        if text is None or text == _description(
            workout, index, cached_texts(self.hass)
        ):
            self._actuals = {k: v for k, v in self._actuals.items() if k != uid}
            return
        try:
            done = parse_actual(text, workout.doses[index])
        except CoachError as err:
            raise validation_error(err) from err
        self._actuals = {**self._actuals, uid: (text, done)}

    def _exercises(self, workout: Workout) -> list[ExerciseLog] | None:
        """What was done: the edited items' numbers, skipped ones left out."""
        if not self._actuals:
            return None
        logs = []
        for index, dose in enumerate(workout.doses):
            _, log = self._actuals.get(_uid(workout, index), ("", dose.as_log()))
            if log is not None:
                logs.append(log)
        if not logs:
            day = day_name(workout.day, cached_texts(self.hass))
            raise user_error("nothing_done", workout=day)
        return logs

    async def _async_log(self, workout: Workout) -> None:
        now = dt_util.utcnow()
        exercises = self._exercises(workout)
        # Finished before the log is written, so the coordinator's update that
        # the log triggers shows this list done, not the next workout.
        self._done = _Done(workout, None, now + UNDO_WINDOW)
        try:
            outcome = await self.coordinator.async_log_session(
                SessionInput(
                    performed_at=now,
                    program_day=workout.day.id,
                    exercises=exercises,
                    source="todo",
                )
            )
        except HomeAssistantError:
            self._done = None
            raise
        self._done = replace(self._done, session_id=outcome.session.id)
        self._cancel_rollover()
        self._unsub_rollover = async_track_point_in_utc_time(
            self.hass, self._rollover, self._done.until
        )

    async def _async_undo(self, done: _Done, still_checked: set[str]) -> None:
        """Unchecked within the window: the logged session is deleted again."""
        session_id = done.session_id
        self._done = None
        self._cancel_rollover()
        self._checked = frozenset(still_checked)
        if session_id is not None and self.coordinator.log.get(session_id) is not None:
            await self.coordinator.async_delete_session(session_id)
        await self._async_forget_ticks(Ticks(done.workout.day.id, self._checked))
        self.async_write_ha_state()

    async def _async_forget_ticks(self, ticks: Ticks | None) -> None:
        """Replace the saved checks after a log or undo (already answered: logged)."""
        try:
            await self.coordinator.async_save_ticks(ticks)
        except HomeAssistantError as err:
            LOGGER.warning("Could not save the to-do checks: %s", err)

    @callback
    def _rollover(self, _now: datetime) -> None:
        self._unsub_rollover = None
        self._done = None
        self._checked = frozenset()
        self._actuals = {}
        self.async_write_ha_state()
        self.coordinator.config_entry.async_create_task(
            self.hass, self._async_forget_ticks(None), "hamstring_coach_todo_ticks"
        )

    @callback
    def _cancel_rollover(self) -> None:
        if self._unsub_rollover is not None:
            self._unsub_rollover()
            self._unsub_rollover = None

    @callback
    def _handle_coordinator_update(self) -> None:
        """A new workout (logged elsewhere, recovery) starts with a clean list."""
        if self._done is None:
            current = {_uid(self._workout, i) for i in range(len(self._workout.doses))}
            self._checked = self._checked & current
            self._actuals = {k: v for k, v in self._actuals.items() if k in current}
        super()._handle_coordinator_update()
