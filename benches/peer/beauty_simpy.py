#!/usr/bin/env python3
"""A SimPy peer of `journey simulate examples/beauty_w2.journey`.

The same model, written by hand the way a SimPy user would: a SimPy environment per
user (users do not interact), and a process per behaviour, pending rule, `every`
schedule and deferred send. It
follows docs/language.md §11 (execution semantics) and §14 (populations):

* users arrive uniformly over the first 14 days (signup enters the journey); tags are
  drawn per the population; 10% of users are the holdout, who receive no sends;
* stages 新手 / 新客 / 沉睡 / 老客 and their rules, with `after`/`at` timing, guards
  evaluated at the fire moment, `every` moments, `when` conditions (edge-triggered),
  and cancellation of a stage's pending rules when the user leaves it;
* the send pipeline: holdout -> quiet window 22:00-08:00 (deferred to 08:00) ->
  journey limit 3/day and touchpoint limits (per local day / calendar month) -> sent;
* behaviours: purchase 0.5%/day (x1.5 for 白领, x3 for 2 days after a wecom send,
  sampled exactly by thinning), visit 2%/day, unsubscribe 0.5% per send within 1 day;
* goal 首单 (purchase within 30 days of entry), exit on unsubscribe, reentry never;
* time zone Asia/Shanghai: a fixed +8h offset (no DST), so local calendar arithmetic is
  plain integer arithmetic on seconds.

The random numbers come from one `random.Random(seed)`, so the figures are not the
engine's (which uses a per-user xoshiro stream) but the rates should agree within
sampling error. Items due at the same second run in SimPy's scheduling (FIFO) order
rather than the engine's "events, deferred sends, rules in source order" order; in this
model the only such ties are two 社群 sends at 20:00 on day 7 (same touchpoint, so the
counts do not change).

Usage: beauty_simpy.py --users N [--days 90] [--seed S] [--shared-env]  -> a JSON summary on stdout.
"""

import argparse
import datetime
import json
import random
import sys
import time

import simpy

# ---- time: simulation seconds since the population's start --------------------------

MINUTE, HOUR, DAY = 60, 3600, 86400
START = datetime.datetime(2026, 3, 2, 9, 0)  # `start 2026-03-02 09:00`, local time
START_CLOCK = START.hour * HOUR + START.minute * MINUTE  # local seconds at t = 0
START_WEEKDAY = START.weekday()  # Monday = 0
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
EVERY_DAY = frozenset(range(7))


def day_of(t):
    """The local calendar day of `t` (day 0 is the start date)."""
    return int((t + START_CLOCK) // DAY)


def clock_minutes(t):
    """The local clock at `t`, in whole minutes after midnight."""
    return int((t + START_CLOCK) % DAY // MINUTE)


def next_match(t, days, clock):
    """The first moment at or after `t` on one of `days` (weekday numbers) whose local
    time is `clock` (seconds after midnight) — `at`, `on DAYS at` and `every` timing."""
    d = day_of(t)
    for day in range(d, d + 8):
        if (START_WEEKDAY + day) % 7 in days:
            moment = day * DAY + clock - START_CLOCK
            if moment >= t:
                return moment
    raise AssertionError("a day set is never empty")


def month_table(days):
    """Calendar month index (counted from the start month) of each local day."""
    months = []
    for d in range(days + 2):
        date = START.date() + datetime.timedelta(days=d)
        months.append((date.year - START.year) * 12 + date.month - START.month)
    return months


# ---- the model ------------------------------------------------------------------------

# Events.
SIGNUP, PURCHASE, VISIT, UNSUBSCRIBE = range(4)

# Stages.
STAGES = ["新手", "新客", "沉睡", "老客"]
NEWBIE, NEW_CUSTOMER, DORMANT, LOYAL = range(4)

# Touchpoints, with their caps as (period, count) and wecom's quiet window.
TOUCHPOINTS = ["wecom", "社群", "朋友圈", "公众号"]
WECOM, GROUP, MOMENTS, OFFICIAL = range(4)
DAILY, MONTHLY = 0, 1
TP_LIMITS = [
    [(DAILY, 2), (MONTHLY, 4)],  # wecom: 2 per day, 4 per month
    [(DAILY, 3)],  # 社群: 3 per day
    [(DAILY, 3)],  # 朋友圈: 3 per day
    [(MONTHLY, 4)],  # 公众号: 4 per month
]
JOURNEY_LIMITS = [(DAILY, 3)]  # `limit 3 per day` over all touchpoints
QUIET_FROM, QUIET_TO = 22 * 60, 8 * 60  # wecom `quiet 22:00..08:00`, in minutes

HOLDOUT = 0.10
GOAL_WINDOW = 30 * DAY  # goal 首单: purchase within 30d

# Population: persona 白领 55%, 宝妈 35%, 学生 10%.
WHITE_COLLAR, MOTHER, STUDENT = range(3)
PURCHASE_RATE = 0.005 / DAY  # 0.5% per day, per second
PURCHASE_WHITE_COLLAR = 1.5  # if persona == 白领: x1.5
PURCHASE_AFTER_WECOM = 3.0  # after send wecom within 2d: x3
AFTER_WECOM_WINDOW = 2 * DAY
VISIT_RATE = 0.02 / DAY  # 2% per day
UNSUBSCRIBE_CHANCE = 0.005  # after send any within 1d: 0.5%
UNSUBSCRIBE_WINDOW = DAY
NEVER = float("-inf")


class User:
    """One simulated user's state."""

    __slots__ = (
        "persona", "age", "vip", "interests", "holdout", "arm",
        "inside", "entered", "entry_time", "stage", "visit", "jepoch",
        "last_event", "purchases", "last_wecom",
        "cap_period", "cap_count", "reached", "split_arm",
    )

    def __init__(self, rng):
        u = rng.random()
        self.persona = WHITE_COLLAR if u < 0.55 else MOTHER if u < 0.90 else STUDENT
        self.age = rng.uniform(18, 60)
        self.vip = rng.random() < 0.05
        # interests: 彩妆 40%, 护肤 70%, each independently (bit 0 彩妆, bit 1 护肤)
        self.interests = (rng.random() < 0.40) | (rng.random() < 0.70) << 1
        self.holdout = rng.random() < HOLDOUT
        self.arm = 0 if rng.random() < 0.5 else 1  # the 21d split: A 50%, B 50%
        self.inside = False  # in the journey now
        self.entered = False  # has ever entered
        self.entry_time = 0
        self.stage = NEWBIE
        self.visit = 0  # stage visit token: a pending rule of an older visit is cancelled
        self.jepoch = 0  # journey entry token: deferred sends of an older entry are cancelled
        self.last_event = NEVER  # for `inactive`
        self.purchases = []  # purchase times, for `count(purchase, 60d)`
        self.last_wecom = NEVER  # last wecom send that went out, for the x3 multiplier
        # Cap counters: per touchpoint (and the journey, index 4), per period kind, the
        # period the count belongs to and the count.
        self.cap_period = [[-1, -1] for _ in range(5)]
        self.cap_count = [[0, 0] for _ in range(5)]
        self.reached = False  # goal 首单
        self.split_arm = None  # the arm, once the split was reached (treatment only)


class Stats:
    """The aggregates the summary reports: counts only, added user by user."""

    def __init__(self):
        self.users = self.arrived = self.entered = 0
        self.stage_entered = [0] * len(STAGES)
        self.stage_exits = [dict() for _ in STAGES]
        self.sent = [0] * len(TOUCHPOINTS)
        self.deferred = [0] * len(TOUCHPOINTS)
        self.capped = [0] * len(TOUCHPOINTS)
        self.suppressed = [0] * len(TOUCHPOINTS)
        # goal 首单: [users, reached] for treatment, holdout, split arm A, split arm B
        self.groups = {"treatment": [0, 0], "holdout": [0, 0], "A": [0, 0], "B": [0, 0]}

    def exit_to(self, stage, where):
        exits = self.stage_exits[stage]
        exits[where] = exits.get(where, 0) + 1

    def finish(self, user):
        """Adds a user's outcome once the run has ended."""
        if user.inside:  # a stage visit still open at the end
            self.exit_to(user.stage, "end")
        if not user.entered:
            return
        groups = [self.groups["holdout" if user.holdout else "treatment"]]
        if user.split_arm is not None:
            groups.append(self.groups["AB"[user.split_arm]])
        for group in groups:
            group[0] += 1
            group[1] += user.reached

    def summary(self):
        def rate(name):
            users, reached = self.groups[name]
            return {"users": users, "reached": reached,
                    "rate": round(reached / users, 6) if users else None}

        goal = {"name": "首单", "treatment": rate("treatment"), "holdout": rate("holdout")}
        if goal["treatment"]["users"] and goal["holdout"]["users"]:
            goal["lift"] = round(goal["treatment"]["rate"] - goal["holdout"]["rate"], 6)
        return {
            "peer": "simpy " + simpy.__version__,
            "users": self.users,
            "arrived": self.arrived,
            "entered": self.entered,
            "holdout": self.groups["holdout"][0],
            "goals": [goal],
            "stages": [{"name": n, "entered": self.stage_entered[i],
                        "exits": self.stage_exits[i]} for i, n in enumerate(STAGES)],
            "touchpoints": [{"name": n, "sent": self.sent[i], "deferred": self.deferred[i],
                             "capped": self.capped[i], "suppressed": self.suppressed[i]}
                            for i, n in enumerate(TOUCHPOINTS)],
            "splits": [{"stage": "新客", "arms": [{"name": a, **rate(a)} for a in "AB"]}],
        }


class Campaign:
    """The journey 美妆新客 and population 美妆用户, simulated with SimPy."""

    def __init__(self, days, seed):
        self.env = None
        self.rng = random.Random(seed)
        self.horizon = days * DAY
        self.months = month_table(days)
        self.stats = Stats()

    def simulate(self, users, shared_env=False):
        """Users are independent, so by default each runs in an environment of its own:
        the event queue stays a few items long. `shared_env` puts every user's processes
        in one environment instead (the textbook layout): the same figures, but slower
        per user the more users it holds (a bigger heap, and Python's garbage collector
        walking every live generator)."""
        if shared_env:
            self.env = simpy.Environment()
            population = [User(self.rng) for _ in range(users)]
            for user in population:
                self.env.process(self.life(user))
            self.env.run(until=self.horizon)
        else:
            population = []
        for n in range(users):
            if shared_env:
                user = population[n]
            else:
                user = User(self.rng)
                self.env = simpy.Environment()
                self.env.process(self.life(user))
                self.env.run(until=self.horizon)
            self.stats.users += 1
            self.stats.finish(user)

    # -- scheduling helpers --------------------------------------------------------------

    def later(self, user, at, action, *args):
        """A rule of the user's current stage firing at `at`: cancelled (skipped) if the
        user has left the stage (or the journey) by then."""
        if at < self.horizon:
            self.env.process(self._later(user, user.visit, at, action, args))

    def _later(self, user, visit, at, action, args):
        yield self.env.timeout(at - self.env.now)
        if user.visit == visit and user.inside:
            action(user, *args)

    def every(self, user, days, clock, action, *args):
        """`every DAYS at CLOCK` while the user stays in the current stage (a moment
        equal to the stage entry counts)."""
        self.env.process(self._every(user, user.visit, days, clock, action, args))

    def _every(self, user, visit, days, clock, action, args):
        env = self.env
        at = next_match(env.now, days, clock)
        while at < self.horizon:
            yield env.timeout(at - env.now)
            if user.visit != visit or not user.inside:
                return
            action(user, *args)
            at = next_match(env.now + 1, days, clock)

    # -- a user's life: arrival, behaviours ------------------------------------------------

    def life(self, user):
        """Arrives uniformly over the first 14 days, then starts the behaviours and signs
        up (which enters the journey)."""
        env, rng = self.env, self.rng
        arrival = int(rng.random() * 14 * DAY)
        if arrival >= self.horizon:
            return
        yield env.timeout(arrival)
        self.stats.arrived += 1
        env.process(self.purchasing(user))
        env.process(self.visiting(user))
        self.happen(user, SIGNUP)

    def purchasing(self, user):
        """purchase: a Poisson process whose rate changes with the last wecom send,
        sampled exactly by thinning against its upper bound."""
        env, rng = self.env, self.rng
        base = PURCHASE_RATE * (PURCHASE_WHITE_COLLAR if user.persona == WHITE_COLLAR else 1)
        bound = base * PURCHASE_AFTER_WECOM
        while True:
            yield env.timeout(rng.expovariate(bound))
            rate = base
            if env.now - user.last_wecom < AFTER_WECOM_WINDOW:
                rate *= PURCHASE_AFTER_WECOM
            if rng.random() * bound < rate:
                rng.uniform(80, 400)  # amount: uniform 80..400 (drawn, read by nothing)
                self.happen(user, PURCHASE)

    def visiting(self, user):
        """visit: a Poisson process at 2% per day."""
        env, rng = self.env, self.rng
        while True:
            yield env.timeout(rng.expovariate(VISIT_RATE))
            self.happen(user, VISIT)

    def unsubscribing(self, user, delay):
        """A per-send unsubscribe chance, landing within a day of the send."""
        yield self.env.timeout(delay)
        self.happen(user, UNSUBSCRIBE)

    # -- events ----------------------------------------------------------------------------

    def happen(self, user, event):
        """One event, in order: history, goals, exit lines, the stage's `on EVENT` rules,
        then `entry on signup`."""
        t = self.env.now
        user.last_event = t
        if event == PURCHASE:
            user.purchases.append(t)
            if user.entered and not user.reached and t <= user.entry_time + GOAL_WINDOW:
                user.reached = True
        if user.inside and event == UNSUBSCRIBE:  # exit on unsubscribe
            self.exit_journey(user)
        if user.inside:
            stage = user.stage
            if stage == NEWBIE and event == PURCHASE:  # on purchase -> 新客
                self.transition(user, NEW_CUSTOMER)
            elif stage == NEW_CUSTOMER and event == PURCHASE:
                # on purchase after 24h: send wecom "thanks_and_cross_sell"
                self.later(user, t + DAY, self.send, WECOM)
                self.two_purchases(user)
            elif stage == DORMANT and event == VISIT:  # on visit -> 新客
                self.transition(user, NEW_CUSTOMER)
            elif stage == DORMANT:
                # any event ends inactivity: `when inactive 30d` re-arms for 30d later
                self.inactive_watch(user)
        elif event == SIGNUP and not user.entered:  # entry on signup, reentry never
            self.enter_journey(user)

    # -- journey and stages ------------------------------------------------------------------

    def enter_journey(self, user):
        user.inside = user.entered = True
        user.entry_time = self.env.now
        user.jepoch += 1
        self.stats.entered += 1
        self.enter_stage(user, NEWBIE)

    def exit_journey(self, user):
        """exit on unsubscribe: every pending rule and deferred send is cancelled (no
        `on exit` rules run)."""
        self.stats.exit_to(user.stage, "exit")
        user.inside = False
        user.visit += 1
        user.jepoch += 1

    def transition(self, user, to):
        """`-> STAGE`: the old stage's pending rules are cancelled, the new one entered."""
        self.stats.exit_to(user.stage, STAGES[to])
        user.visit += 1
        self.enter_stage(user, to)

    def enter_stage(self, user, stage):
        t = self.env.now
        user.stage = stage
        user.visit += 1
        self.stats.stage_entered[stage] += 1
        if stage == NEWBIE:
            # on enter: { send wecom "welcome_gift"; tag interests += 护肤 }
            self.send(user, WECOM)
            user.interests |= 1 << 1
            # after 1h: send wecom "beauty_tips"
            self.later(user, t + HOUR, self.send, WECOM)
            # after 7d at 20:00 unless did purchase: send 社群 "newcomer_groupbuy"
            self.later(user, next_match(t + 7 * DAY, EVERY_DAY, 20 * HOUR), self.groupbuy)
            # after 10d if persona == 白领: send 朋友圈 "trial_lottery"
            if user.persona == WHITE_COLLAR:  # the tag never changes: guard at fire = now
                self.later(user, t + 10 * DAY, self.send, MOMENTS)
            # every mon, wed, fri at 20:00: send 社群 "daily_seeding"
            self.every(user, {MON, WED, FRI}, 20 * HOUR, self.send, GROUP)
            # after 30d -> 沉睡
            self.later(user, t + 30 * DAY, self.transition, DORMANT)
        elif stage == NEW_CUSTOMER:
            # after 1d: send wecom "vip_group_invite"
            self.later(user, t + DAY, self.send, WECOM)
            # after 21d: split { 50% A: send wecom "coupon_21d"; 50% B: send 社群 ... }
            self.later(user, t + 21 * DAY, self.split)
            # when count(purchase, 60d) >= 2 -> 老客 (fires at entry if it already holds)
            self.two_purchases(user)
        elif stage == DORMANT:
            self.inactive_watch(user)
        elif stage == LOYAL:
            # every sat at 10:00: send 公众号 "welfare_day"
            self.every(user, {SAT}, 10 * HOUR, self.send, OFFICIAL)

    def groupbuy(self, user):
        if not user.purchases:  # unless did purchase (at the fire moment)
            self.send(user, GROUP)

    def split(self, user):
        if user.holdout:  # holdout users get no arm
            return
        user.split_arm = user.arm
        self.send(user, WECOM if user.arm == 0 else GROUP)

    def two_purchases(self, user):
        """`when count(purchase, 60d) >= 2 -> 老客` in 新客: the count only rises on a
        purchase, so it is checked on entry and on each purchase."""
        since = self.env.now - 60 * DAY  # the window (now - 60d, now]
        if sum(1 for p in user.purchases if p > since) >= 2:
            self.transition(user, LOYAL)

    def inactive_watch(self, user):
        """`when inactive 30d on weekend at 10:00: send wecom "wakeup_coupon"` in 沉睡:
        the condition turns true 30 days after the last event (at once if that is past);
        a later event turns it false and re-arms it, which this watcher's token checks."""
        at = max(self.env.now, user.last_event + 30 * DAY)
        if at < self.horizon:
            self.env.process(self._inactive(user, user.visit, user.last_event, at))

    def _inactive(self, user, visit, last_event, at):
        yield self.env.timeout(at - self.env.now)
        if user.visit == visit and user.inside and user.last_event == last_event:
            # turned true: shift to the first weekend 10:00 at or after now
            fire = next_match(self.env.now, {SAT, SUN}, 10 * HOUR)
            self.later(user, fire, self.send, WECOM)

    # -- the send pipeline -------------------------------------------------------------------

    def send(self, user, tp):
        """holdout -> quiet window -> caps -> sent (docs/language.md §11.6)."""
        if user.holdout:
            self.stats.suppressed[tp] += 1
            return
        t = self.env.now
        if tp == WECOM:
            minutes = clock_minutes(t)
            if minutes >= QUIET_FROM or minutes < QUIET_TO:
                self.stats.deferred[tp] += 1
                until = next_match(t, EVERY_DAY, QUIET_TO * MINUTE)
                if until < self.horizon:
                    self.env.process(self._deferred(user, user.jepoch, until, tp))
                return
        self.go_out(user, tp)

    def _deferred(self, user, jepoch, until, tp):
        """A send waiting out the quiet window: a stage change does not cancel it,
        leaving the journey does."""
        yield self.env.timeout(until - self.env.now)
        if user.jepoch == jepoch and user.inside:
            self.go_out(user, tp)

    def go_out(self, user, tp):
        t = self.env.now
        day = day_of(t)
        periods = (day, self.months[day])
        if self.cap_reached(user, 4, JOURNEY_LIMITS, periods) or self.cap_reached(
            user, tp, TP_LIMITS[tp], periods
        ):
            self.stats.capped[tp] += 1
            return
        for slot in (4, tp):  # count the send for the journey and the touchpoint
            for kind in (DAILY, MONTHLY):
                if user.cap_period[slot][kind] != periods[kind]:
                    user.cap_period[slot][kind] = periods[kind]
                    user.cap_count[slot][kind] = 0
                user.cap_count[slot][kind] += 1
        self.stats.sent[tp] += 1
        if tp == WECOM:
            user.last_wecom = t
        if self.rng.random() < UNSUBSCRIBE_CHANCE:  # after send any within 1d: 0.5%
            delay = self.rng.random() * UNSUBSCRIBE_WINDOW or UNSUBSCRIBE_WINDOW
            if t + delay < self.horizon:
                self.env.process(self.unsubscribing(user, delay))

    @staticmethod
    def cap_reached(user, slot, limits, periods):
        for kind, count in limits:
            if user.cap_period[slot][kind] == periods[kind] and user.cap_count[slot][kind] >= count:
                return True
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shared-env", action="store_true",
                        help="all users in one SimPy environment (slower; for comparison)")
    args = parser.parse_args()
    if args.users < 1 or args.days < 1:
        parser.error("--users and --days must be at least 1")
    started = time.perf_counter()
    campaign = Campaign(args.days, args.seed)
    campaign.simulate(args.users, args.shared_env)
    report = campaign.stats.summary()
    report["layout"] = "shared environment" if args.shared_env else "environment per user"
    report["seconds"] = round(time.perf_counter() - started, 3)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
