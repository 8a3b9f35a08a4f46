"""The quick start's mailbox: one .eml file per mail the sink received, newest first.

File names are the receiving time in UTC and a random part (`20261207T101500123456-
1a2b3c4d.eml`), so sorting by name sorts by time, and a name from a URL is checked
against that pattern before any file is opened.
"""

import os
import re
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser, BytesParser
from pathlib import Path

NAME = re.compile(r"^(\d{8}T\d{12})-[0-9a-f]{8}\.eml$")
# Written by the sink while it refuses mails (a fault drill): see mailsink.
REFUSE_FLAG = ".refuse"


@dataclass
class StoredMail:
    name: str
    received_at: datetime
    sender: str
    to: str
    subject: str
    text: str = ""
    html: str = ""
    attachments: list[str] = field(default_factory=list)


def mail_store(directory: Path, content: bytes) -> Path:
    """Keep one received mail; written under a temporary name first, so a reader never
    sees half a file."""
    directory.mkdir(parents=True, exist_ok=True)
    name = f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{secrets.token_hex(4)}.eml"
    temporary = directory / f".{name}.part"
    temporary.write_bytes(content)
    os.replace(temporary, directory / name)
    return directory / name


def _received_at(name: str) -> datetime:
    return datetime.strptime(NAME.match(name)[1], "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)


def _summary(name: str, message) -> StoredMail:
    return StoredMail(name=name, received_at=_received_at(name),
                      sender=str(message.get("From", "")), to=str(message.get("To", "")),
                      subject=str(message.get("Subject", "")))


def mails_count(directory: Path) -> int:
    try:
        return sum(1 for entry in os.scandir(directory) if NAME.match(entry.name))
    except FileNotFoundError:
        return 0


def mails_list(directory: Path, *, limit: int = 200) -> list[StoredMail]:
    """The newest `limit` mails, headers only."""
    try:
        names = sorted((e.name for e in os.scandir(directory) if NAME.match(e.name)),
                       reverse=True)[:limit]
    except FileNotFoundError:
        return []
    parser = BytesHeaderParser(policy=policy.default)
    mails = []
    for name in names:
        try:
            with open(directory / name, "rb") as file:
                mails.append(_summary(name, parser.parse(file)))
        except FileNotFoundError:  # removed meanwhile
            continue
    return mails


def mail_read(directory: Path, name: str) -> StoredMail | None:
    """One mail with its text and HTML parts and the names of its attachments; None if
    the name is no mail file of the sink or the file is gone."""
    if not NAME.match(name):
        return None
    try:
        with open(directory / name, "rb") as file:
            message: EmailMessage = BytesParser(policy=policy.default).parse(file)
    except FileNotFoundError:
        return None
    mail = _summary(name, message)
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    mail.text = text.get_content() if text is not None else ""
    mail.html = html.get_content() if html is not None else ""
    mail.attachments = [part.get_filename() or "" for part in message.iter_attachments()]
    return mail


def mail_raw(directory: Path, name: str) -> bytes | None:
    if not NAME.match(name):
        return None
    try:
        return (directory / name).read_bytes()
    except FileNotFoundError:
        return None
