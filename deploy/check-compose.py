#!/usr/bin/env python3
"""Checks docker-compose.yml without Docker (none runs on the project's machines): the YAML parses,
every depends_on and named volume exists, both hub replicas share the data volume and database,
carry the same environment, and deploy/nginx.conf's upstream names exactly the hub services.
Usage: python3 deploy/check-compose.py (exit 1 with the reasons when something is off)."""
import pathlib
import re
import sys

import yaml

root = pathlib.Path(__file__).resolve().parent.parent
compose = yaml.safe_load((root / "docker-compose.yml").read_text())
services = compose["services"]
volumes = set(compose.get("volumes") or {})
problems = []

for name, service in services.items():
    for dependency in service.get("depends_on") or {}:
        if dependency not in services:
            problems.append(f"{name} depends on unknown service {dependency}")
    for mount in service.get("volumes") or []:
        source = mount.split(":")[0]
        if not source.startswith(".") and not source.startswith("/") and source not in volumes:
            problems.append(f"{name} mounts undeclared volume {source}")
        if source.startswith("./") and not (root / source).exists():
            problems.append(f"{name} mounts missing file {source}")

hubs = sorted(n for n, s in services.items() if s.get("image") == "adapthub:local")
if len(hubs) < 2:
    problems.append(f"expected at least two hub replicas, found {hubs}")
envs = [services[h]["environment"] for h in hubs]
if any(e != envs[0] for e in envs):
    problems.append("hub replicas differ in their environment")
for hub in hubs:
    env = services[hub]["environment"]
    if "hub-data:/data" not in services[hub]["volumes"] or env.get("HUB_DATA_DIR") != "/data":
        problems.append(f"{hub} does not use the shared data volume at /data")
    if not env.get("HUB_DB_URL", "").startswith("jdbc:postgresql://db:"):
        problems.append(f"{hub} is not on the shared PostgreSQL")
    for suffix in ("ENDPOINT", "BUCKET", "REGION", "ACCESS_KEY", "SECRET_KEY", "PATH_STYLE"):
        if f"HUB_LFS_S3_{suffix}" not in env:
            problems.append(f"{hub} lacks HUB_LFS_S3_{suffix}")
    if env.get("HUB_FORWARD_HEADERS") != "native":
        problems.append(f"{hub} behind nginx should trust X-Forwarded-* (HUB_FORWARD_HEADERS=native)")

nginx = (root / "deploy" / "nginx.conf").read_text()
upstream = sorted(re.findall(r"^\s*server\s+([\w.-]+):8080", nginx, re.MULTILINE))
if upstream != hubs:
    problems.append(f"nginx upstream {upstream} is not the hub replicas {hubs}")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"docker-compose.yml: {len(services)} services, hub replicas {hubs}, nginx upstream matches")
