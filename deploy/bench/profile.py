#!/usr/bin/env python3
"""Where the time goes during each workload of deploy/bench/run.sh (BENCH_PROFILE=yes), from the
app's flight recording (JFR, settings=default) and the windows each side was measured in.

    profile.py RECORDING.jfr PHASES.tsv > profile.md

PHASES.tsv holds one line per measure: label, side (pg or http), start and end (seconds since the
epoch). For each window it prints the machine's CPU (jdk.CPULoad: the whole machine, and the app's
JVM within it, so the rest is PostgreSQL and the load generator), the app's garbage collection
pauses (jdk.GarbageCollection), and, for the HTTP side, the app's execution samples
(jdk.ExecutionSample) counted by the library of the first frame that is not the JDK's own."""

import json
import subprocess
import sys
from datetime import datetime

GROUPS = [
    ("org.postgresql.", "pgjdbc"),
    ("io.netty.", "Netty"),
    ("io.vertx.", "Vert.x"),
    ("org.jboss.resteasy.", "Quarkus REST"),
    ("io.quarkus.resteasy.", "Quarkus REST"),
    ("com.fasterxml.jackson.", "Jackson"),
    ("org.hibernate.", "Hibernate"),
    ("io.agroal.", "Agroal (pool)"),
    ("com.arjuna.", "Narayana (transactions)"),
    ("io.narayana.", "Narayana (transactions)"),
    ("io.micrometer.", "Micrometer"),
    ("org.technocarte.", "Technocarte"),
    ("org.geolatte.", "geometry"),
    ("org.locationtech.", "geometry"),
    ("io.smallrye.", "SmallRye"),
    ("io.quarkus.", "Quarkus"),
]
JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.")


def events(recording, kind, depth=None):
    command = ["jfr", "print", "--json", "--events", kind]
    if depth:
        command += ["--stack-depth", str(depth)]
    out = subprocess.run(command + [recording], check=True, capture_output=True, text=True).stdout
    return [e["values"] for e in json.loads(out)["recording"]["events"]]


def epoch(stamp):
    # JFR's JSON writes instants in UTC: 2026-12-04T18:49:01.123456789Z.
    whole, _, fraction = stamp.rstrip("Z").partition(".")
    return datetime.fromisoformat(whole + "+00:00").timestamp() + float("0." + (fraction or "0"))


def library(frames):
    top = None
    for frame in frames:
        name = frame["method"]["type"]["name"].replace("/", ".")
        top = top or name
        if name.startswith(JDK):
            continue
        for prefix, group in GROUPS:
            if name.startswith(prefix):
                return group
        return ".".join(name.split(".")[:2])
    return "JDK (" + ".".join((top or "?").split(".")[:2]) + ")"


def main():
    recording, phases_file = sys.argv[1], sys.argv[2]
    phases = []
    with open(phases_file) as f:
        for line in f:
            label, side, start, end = line.split()
            phases.append((label, side, float(start), float(end)))
    cpu = [(epoch(e["startTime"]), e) for e in events(recording, "jdk.CPULoad")]
    gcs = [(epoch(e["startTime"]), e) for e in events(recording, "jdk.GarbageCollection")]
    samples = [
        (epoch(e["startTime"]), library(e["stackTrace"]["frames"]))
        for e in events(recording, "jdk.ExecutionSample", depth=64)
        if e.get("stackTrace")
    ]
    print("| workload | side | machine CPU busy | the app's JVM | the rest (PostgreSQL, load generator) | GC pauses |")
    print("|---|---|---|---|---|---|")
    where = []
    for label, side, start, end in phases:
        inside = [e for t, e in cpu if start <= t <= end]
        if not inside:
            continue
        machine = sum(e["machineTotal"] for e in inside) / len(inside)
        jvm = sum(e["jvmUser"] + e["jvmSystem"] for e in inside) / len(inside)
        pauses = [e for t, e in gcs if start <= t <= end]
        pause_ms = sum(parse_ms(e["sumOfPauses"]) for e in pauses)
        print(
            f"| {label} | {'PostgreSQL alone' if side == 'pg' else 'the app over HTTP'} "
            f"| {machine * 100:.0f} % | {jvm * 100:.0f} % | {(machine - jvm) * 100:.0f} % "
            f"| {len(pauses)}, {pause_ms / (end - start) / 10:.1f} % of the time |"
        )
        if side == "http":
            counts = {}
            for t, group in samples:
                if start <= t <= end:
                    counts[group] = counts.get(group, 0) + 1
            total = sum(counts.values())
            if total:
                top = sorted(counts.items(), key=lambda kv: -kv[1])[:6]
                where.append(
                    f"| {label} | {total} | "
                    + ", ".join(f"{g} {n * 100 / total:.0f} %" for g, n in top)
                    + " |"
                )
    print()
    print("| workload (the app over HTTP) | JVM samples | by library of the first frame outside the JDK |")
    print("|---|---|---|")
    for row in where:
        print(row)


def parse_ms(duration):
    # JFR's JSON writes durations as ISO 8601 (PT0.001234S) or as a number of nanoseconds.
    if isinstance(duration, (int, float)):
        return duration / 1e6
    text = str(duration)
    if text.startswith("PT") and text.endswith("S"):
        body = text[2:-1]
        minutes = 0.0
        if "M" in body:
            m, body = body.split("M")
            minutes = float(m)
        return (minutes * 60 + float(body or 0)) * 1000
    return float(text) / 1e6


if __name__ == "__main__":
    main()
