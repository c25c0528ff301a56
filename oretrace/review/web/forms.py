"""Query strings to typed filters: the queue's and the history's, shared by pages, downloads and the API."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException
from pydantic import ValidationError
from starlette.datastructures import QueryParams

from oretrace.review.models import HistoryFilters, QueueFilters

LIST_FILTERS = ("status", "severity", "check")
TEXT_FILTERS = ("shipment", "exporter", "declared_origin", "assignee", "min_age_days", "max_age_days", "scope", "sort")


def queue_filters_from(params: QueryParams) -> QueueFilters:
    """Empty values mean "not filtered"; status=all (or an empty status) means every status."""
    raw: dict[str, Any] = {}
    for name in LIST_FILTERS:
        values = [v for v in params.getlist(name) if v]
        if name == "status":
            if "all" in values:
                raw["status"] = []
            elif values:
                raw["status"] = values
        elif values:
            raw[name] = values
    for name in TEXT_FILTERS:
        value = params.get(name, "").strip()
        if value:
            raw[name] = value
    raw["descending"] = params.get("descending", "") in ("1", "true", "on")
    return QueueFilters.model_validate(raw)


def history_filters_from(params: QueryParams) -> HistoryFilters:
    raw = {
        name: value.strip()
        for name in ("shipment", "document", "finding", "user", "action", "text", "since", "until", "before", "limit")
        if (value := params.get(name, "")).strip()
    }
    for name in ("since", "until"):
        # A bare date or datetime-local value is taken as UTC.
        if name in raw and len(raw[name]) == 10:
            raw[name] += "T00:00:00" if name == "since" else "T23:59:59.999999"
        if name in raw and not raw[name].endswith("Z") and "+" not in raw[name][10:]:
            raw[name] += "Z"
    return HistoryFilters.model_validate(raw)


def _problem(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if not isinstance(part, int))
    return f"bad filter {where}: {first.get('msg')}" if where else f"bad filter: {first.get('msg')}"


def checked_queue_filters(params: QueryParams) -> QueueFilters:
    """The queue's filters, or a 422 naming the first bad one."""
    try:
        return queue_filters_from(params)
    except ValidationError as err:
        raise HTTPException(422, _problem(err)) from err


def checked_history_filters(params: QueryParams) -> HistoryFilters:
    """The history's filters, or a 422 naming the first bad one."""
    try:
        return history_filters_from(params)
    except ValidationError as err:
        raise HTTPException(422, _problem(err)) from err


def queue_filters_or_problem(params: QueryParams) -> tuple[QueueFilters, str | None]:
    """For the queue page: the filters, or the default ones and what was wrong (shown beside the form)."""
    try:
        return queue_filters_from(params), None
    except ValidationError as err:
        return QueueFilters(), _problem(err)


def history_filters_or_problem(params: QueryParams) -> tuple[HistoryFilters, str | None]:
    try:
        return history_filters_from(params), None
    except ValidationError as err:
        return HistoryFilters(), _problem(err)
