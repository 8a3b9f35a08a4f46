"""Load test: 50 concurrent users for 60 s against the production-like server, then a check
that every acknowledged write is in the database exactly once.

    .venv/bin/python bench/load.py [--var-dir var] [--users 50] [--seconds 60]

It runs against the system `make run` (kreishaus.quickstart) started: the address and the
database come from <var-dir>/run/quickstart.json, so it needs no configuration; start one
of your own with `python -m kreishaus.quickstart --port 8613 --var-dir /tmp/kh/var`.

Users (asyncio + httpx, one client and cookie jar each, no think time):
* visitors (40 %): start page, member directory, a member page, meetings, knowledge,
  an article, search;
* readers (30 %, logged in): dashboard, projects, a meeting, an article, search, a member
  page; and registering for / declining one of the open meetings;
* editors (30 %, logged in): as readers, plus changing a status of their administration
  (OZG service or topic) and editing an article of their administration.
Every POST first GETs its form and echoes the CSRF token and the one-time token
(`_once`). Each user has an account of its own (`load-NN@example.org`, created once
with the demo password), so its registrations are sequential and checkable.

Acknowledged writes: a status change or an article edit answered with a redirect (302);
a registration or declination whose redirect shows the success message. Each carries a
unique marker (status note, revision note) that the check looks up afterwards: exactly
one status change / article revision per acknowledged write, the last registration
action of each user is the stored state. Also: every mail queued during the run is sent.

Throughput is reported against /healthz: 5 % of the mix are /healthz requests (latency
under the same load) and after the mix all users request /healthz only for
`--healthz-seconds` (its requests per second on the same server in the same run).
"""

import argparse
import asyncio
import json
import logging
import os
import random
import sys
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from bs4 import BeautifulSoup

PROJECT_DIR = Path(__file__).resolve().parents[1]
PASSWORD = "kreishaus-demo"
SEARCH_WORDS = ["Akte", "Digitalisierung", "Wohngeld", "Sitzung", "Bürgerportal", "Scan",
                "\"elektronische Akte\"", "Verwaltung", "Termin", "Quantencomputer"]
SUCCESS_REGISTERED = ("Sie sind angemeldet", "Sie stehen auf der Warteliste",
                      "ausgebucht")
SUCCESS_DECLINED = "Sie haben für diese Sitzung abgesagt"


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    server_errors: list[str] = field(default_factory=list)
    transport_errors: list[str] = field(default_factory=list)
    writes: list[dict] = field(default_factory=list)  # acknowledged
    rejected: Counter = field(default_factory=Counter)  # answered without acknowledging

    def record(self, label: str, response: httpx.Response, seconds: float) -> None:
        self.times[label].append(seconds)
        self.statuses[label][response.status_code] += 1
        if response.status_code >= 500:
            self.server_errors.append(f"{response.status_code} {response.request.method} "
                                      f"{response.request.url}")


@dataclass
class Context:
    url: str
    deadline: float
    stats: Stats
    members: list[str]
    public_articles: list[str]
    open_meetings: list[int]
    run: str
    ozg_ids: list[int]
    login_stats: Stats = field(default_factory=Stats)
    counter: int = 0

    def marker(self) -> str:
        self.counter += 1
        return f"Lasttest {self.run}-{self.counter}"


async def timed(ctx: Context, client: httpx.AsyncClient, label: str, method: str, url: str,
                stats: Stats | None = None, **kwargs) -> httpx.Response | None:
    stats = stats or ctx.stats
    began = time.perf_counter()
    try:
        response = await client.request(method, url, **kwargs)
    except httpx.HTTPError as exc:
        stats.transport_errors.append(f"{method} {url}: {type(exc).__name__} {exc}")
        return None
    stats.record(label, response, time.perf_counter() - began)
    return response


def form_values(form) -> dict[str, list[str]]:
    """What a browser sends for the form as rendered (checked boxes, selected options)."""
    data: dict[str, list[str]] = defaultdict(list)
    for field_ in form.find_all(["input", "select", "textarea"]):
        name = field_.get("name")
        if not name or field_.has_attr("disabled"):
            continue
        if field_.name == "textarea":
            data[name].append(field_.text.removeprefix("\n"))
        elif field_.name == "select":
            chosen = field_.find_all("option", selected=True)
            if not chosen and not field_.has_attr("multiple"):
                chosen = field_.find_all("option")[:1]
            data[name].extend(option.get("value", option.text) for option in chosen)
        elif field_.get("type") in ("checkbox", "radio"):
            if field_.has_attr("checked"):
                data[name].append(field_.get("value", "on"))
        elif field_.get("type") not in ("submit", "button", "file", "reset"):
            data[name].append(field_.get("value", ""))
    return data


def post_form(page: httpx.Response, *, action_contains: str = "", field_name: str = ""):
    """The first POST form of the page whose action contains the text or that has the
    field; None if there is none."""
    soup = BeautifulSoup(page.text, "lxml")
    for form in soup.find_all("form", method=lambda m: (m or "").lower() == "post"):
        action = form.get("action") or str(page.url.path)
        if action_contains and action_contains not in action:
            continue
        if field_name and not form.find(attrs={"name": field_name}):
            continue
        return action, form
    return None


async def login(ctx: Context, stats: Stats, client: httpx.AsyncClient, email: str,
                label: str) -> bool:
    page = await timed(ctx, client, f"login form ({label})", "GET", "/konto/login/",
                       stats=stats)
    found = page is not None and post_form(page, field_name="password")
    if not found:
        return False
    action, form = found
    data = form_values(form) | {"login": [email], "password": [PASSWORD]}
    response = await timed(ctx, client, f"login ({label})", "POST", action, data=data,
                           stats=stats)
    return response is not None and response.status_code == 302


async def visitor_step(ctx: Context, client: httpx.AsyncClient, role: str) -> None:
    choice = random.choices(
        ["start", "members", "member", "meetings", "knowledge", "article", "search"],
        weights=[3, 2, 2, 2, 2, 3, 2])[0]
    urls = {
        "start": "/", "members": "/mitglieder/", "meetings": "/sitzungen/",
        "member": f"/mitglieder/{random.choice(ctx.members)}/", "knowledge": "/wissen/",
        "article": f"/wissen/artikel/{random.choice(ctx.public_articles)}/",
        "search": f"/suche/?q={random.choice(SEARCH_WORDS)}",
    }
    await timed(ctx, client, f"{choice} ({role})", "GET", urls[choice])


async def member_step(ctx: Context, client: httpx.AsyncClient, role: str, user: dict) -> None:
    choice = random.choices(["read", "projects", "meeting", "register"],
                            weights=[6, 1, 2, 1])[0]
    if choice == "read":
        await visitor_step(ctx, client, role)
    elif choice == "projects":
        await timed(ctx, client, f"projects ({role})", "GET", "/vorhaben/")
    elif choice == "meeting":
        await timed(ctx, client, f"meeting ({role})", "GET",
                    f"/sitzungen/{random.choice(ctx.open_meetings)}/")
    else:
        await registration(ctx, client, role, user)


async def registration(ctx: Context, client: httpx.AsyncClient, role: str, user: dict) -> None:
    meeting = random.choice(ctx.open_meetings)
    page = await timed(ctx, client, f"meeting ({role})", "GET", f"/sitzungen/{meeting}/")
    if page is None or page.status_code != 200:
        return
    registered = user["registrations"].get(meeting) == "register"
    kind, path = ("decline", "absage") if registered else ("register", "anmeldung")
    found = post_form(page, action_contains=f"/{path}/")
    if not found:
        ctx.stats.rejected[f"{kind}: no form"] += 1
        return
    action, form = found
    data = form_values(form)
    modes = [radio.get("value") for radio in form.find_all("input", attrs={
        "name": "mode", "type": "radio"})]
    if kind == "register" and modes:
        data["mode"] = [random.choice(modes)]
    response = await timed(ctx, client, f"{kind} POST ({role})", "POST", action, data=data)
    if response is None or response.status_code != 302:
        ctx.stats.rejected[f"{kind}: {response and response.status_code}"] += 1
        return
    shown = await timed(ctx, client, f"meeting ({role})", "GET", response.headers["location"])
    texts = SUCCESS_REGISTERED if kind == "register" else (SUCCESS_DECLINED,)
    if shown is None or not any(text in shown.text for text in texts):
        box = shown is not None and BeautifulSoup(shown.text, "lxml").select_one(
            ".site-messages")
        said = " ".join(box.get_text().split())[:90] if box else "no message"
        ctx.stats.rejected[f"{kind}: {said}"] += 1
        return
    user["registrations"][meeting] = kind
    ctx.stats.writes.append({"kind": "registration", "user": user["email"],
                             "meeting": meeting, "action": kind})


async def status_edit(ctx: Context, client: httpx.AsyncClient, role: str, user: dict) -> None:
    if random.random() < 0.7:
        url = f"/vorhaben/verwaltung/{user['slug']}/ozg/{random.choice(ctx.ozg_ids)}/"
        label = "OZG status"
    else:
        url = f"/vorhaben/verwaltung/{user['slug']}/thema/{random.choice(user['topics'])}/"
        label = "topic status"
    page = await timed(ctx, client, f"{label} form ({role})", "GET", url)
    found = page is not None and page.status_code == 200 and post_form(page,
                                                                      field_name="version")
    if not found:
        ctx.stats.rejected[f"{label}: no form ({page and page.status_code})"] += 1
        return
    action, form = found
    data = form_values(form)
    stages = [o.get("value") for o in form.find("select", attrs={"name": "stage"})
              .find_all("option") if o.get("value")]
    marker = ctx.marker()
    data["stage"] = [random.choice(stages)]
    data["note"] = [marker]
    if not data.get("since", [""])[0]:
        data["since"] = ["2026-01-01"]
    response = await timed(ctx, client, f"{label} POST ({role})", "POST", action, data=data)
    if response is None or response.status_code != 302:
        ctx.stats.rejected[f"{label}: {response and response.status_code}"] += 1
        return
    ctx.stats.writes.append({"kind": "status", "marker": marker})


async def article_edit(ctx: Context, client: httpx.AsyncClient, role: str, user: dict) -> None:
    if not user["articles"]:
        return
    slug = random.choice(user["articles"])
    page = await timed(ctx, client, f"article form ({role})", "GET",
                       f"/wissen/artikel/{slug}/bearbeiten/")
    found = page is not None and page.status_code == 200 and post_form(page,
                                                                      field_name="revision")
    if not found:
        ctx.stats.rejected[f"article: no form ({page and page.status_code})"] += 1
        return
    action, form = found
    data = form_values(form)
    marker = ctx.marker()
    body = data["body"][0].split("\n\nLasttest ")[0]  # keep the article from growing
    data["body"] = [f"{body}\n\n{marker}."]
    data["message"] = [marker]
    response = await timed(ctx, client, f"article POST ({role})", "POST", action, data=data)
    if response is None or response.status_code != 302:
        ctx.stats.rejected[f"article: {response and response.status_code} "
                           "(changed by another editor meanwhile)"] += 1
        return
    ctx.stats.writes.append({"kind": "article", "marker": marker})


async def user_loop(ctx: Context, role: str, user: dict | None, logged_in: asyncio.Barrier,
                    start: asyncio.Event) -> None:
    """Log in (members), wait until every user has, then run the mix until the deadline:
    the password hashing of 30 logins at once is not what the mix measures."""
    async with httpx.AsyncClient(base_url=ctx.url, timeout=120) as client:
        ok = not user or await login(ctx, ctx.login_stats, client, user["email"], role)
        await logged_in.wait()
        await start.wait()
        if not ok:
            ctx.stats.rejected[f"login failed ({role})"] += 1
            return
        while time.monotonic() < ctx.deadline:
            if random.random() < 0.05:
                await timed(ctx, client, "/healthz (in the mix)", "GET", "/healthz")
            elif role == "visitor":
                await visitor_step(ctx, client, role)
            elif role == "editor" and random.random() < 0.3:
                await (status_edit if random.random() < 0.6 else article_edit)(
                    ctx, client, role, user)
            else:
                await member_step(ctx, client, role, user)


async def healthz_loop(url: str, deadline: float, times: list[float], errors: Counter) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        while time.monotonic() < deadline:
            began = time.perf_counter()
            response = await client.get("/healthz")
            times.append(time.perf_counter() - began)
            errors[response.status_code] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--var-dir", type=Path, default=PROJECT_DIR / "var")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--healthz-seconds", type=float, default=10)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    state = json.loads((args.var_dir / "run" / "quickstart.json").read_text())
    os.environ["DATABASE_URL"] = state["database_url"]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.quickstart")
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    from bench import load_data
    from bench.load_report import report

    random.seed(args.seed)
    visitors = round(args.users * 0.4)
    readers = round(args.users * 0.3)
    editors = args.users - visitors - readers
    accounts = load_data.accounts(readers=readers, editors=editors)
    facts = load_data.facts()
    run = uuid.uuid4().hex[:8]
    started_at = load_data.now()
    stats = Stats()
    ctx = Context(url=state["url"], deadline=0, stats=stats, run=run, **facts)
    roles = [("visitor", None)] * visitors + [(a["role"], a) for a in accounts]
    print(f"{args.users} users ({visitors} visitors, {readers} readers, {editors} editors) "
          f"for {args.seconds:.0f} s against {state['url']} …", flush=True)
    mix_began = 0.0

    async def mix() -> None:
        nonlocal mix_began
        logged_in, start = asyncio.Barrier(len(roles) + 1), asyncio.Event()
        users = [asyncio.create_task(user_loop(ctx, role, user, logged_in, start))
                 for role, user in roles]
        began = time.monotonic()
        await logged_in.wait()
        print(f"{readers + editors} logins in {time.monotonic() - began:.1f} s; the mix "
              "starts", flush=True)
        mix_began = time.monotonic()
        ctx.deadline = mix_began + args.seconds
        start.set()
        await asyncio.gather(*users)

    asyncio.run(mix())
    mix_seconds = time.monotonic() - mix_began
    healthz_times: list[float] = []
    healthz_codes: Counter = Counter()

    async def healthz_only() -> None:
        deadline = time.monotonic() + args.healthz_seconds
        await asyncio.gather(*(healthz_loop(state["url"], deadline, healthz_times,
                                            healthz_codes) for _ in range(args.users)))

    began = time.monotonic()
    asyncio.run(healthz_only())
    healthz_rps = len(healthz_times) / (time.monotonic() - began)
    check = load_data.verify(stats.writes, started_at=started_at, run=run)
    report(ctx.login_stats, None, None, None, None, None)
    report(stats, mix_seconds, healthz_rps, healthz_times, healthz_codes, check)
    lost = check["lost"] + check["duplicated"] + check["mails_unsent"]
    errors = (stats.server_errors + stats.transport_errors + ctx.login_stats.server_errors
              + ctx.login_stats.transport_errors)
    return 1 if errors or lost else 0


if __name__ == "__main__":
    sys.exit(main())
