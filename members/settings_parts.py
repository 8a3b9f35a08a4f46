"""Settings that apps above members add to the notification settings page
(`/konto/benachrichtigungen/`), so that a person sets everything on one page.

members knows no app above it, so an app registers a part in its AppConfig.ready():

    settings_part_register(SettingsPart(
        key="digest", fields=lambda user: {"digest": DigestFrequencyField(initial=…)},
        save=lambda user, data: digest_frequency_set(user=user, frequency=data["digest"])))

`fields(user)` returns the form fields (with the person's current value as initial), or an
empty dict where the part does not apply to them; `save(user, cleaned_data)` stores them.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SettingsPart:
    key: str
    fields: Callable[[object], dict]
    save: Callable[[object, dict], None]


_PARTS: dict[str, SettingsPart] = {}


def settings_part_register(part: SettingsPart) -> None:
    if part.key in _PARTS:
        raise ValueError(f"settings part {part.key!r} is registered twice")
    _PARTS[part.key] = part


def settings_parts() -> list[SettingsPart]:
    return list(_PARTS.values())
