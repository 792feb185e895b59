#!/usr/bin/env bash
# Checks the Dockerfile without a container engine (none exists on these machines):
#  1. replays the build stage's WORKDIR/COPY/RUN steps in a scratch root (COPY honours
#     .dockerignore; apt-get lines are not run, but their packages must be installed here);
#  2. checks the release binary links only libraries the runtime stage has (its apt
#     packages plus what debian:bookworm-slim ships);
#  3. lays out the runtime stage's files (COPY, COPY --from, WORKDIR) in a second root,
#     starts ENTRYPOINT+CMD with the image's ENV (paths rewritten into that root, a free
#     port, the database in the scratch volume), runs the HEALTHCHECK command, then stops
#     the service with STOPSIGNAL and expects exit 0.
# Ends with "N passed, M failed"; exits 1 on any failure. USER is not switched (no root
# needed); EXPOSE and VOLUME are only read. The release build runs from nothing, as in a
# fresh image (several minutes); DOCKERFILE_CHECK_WORK=dir keeps and reuses the scratch.
# Usage: scripts/dockerfile-check.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
exec python3 - "$root" <<'PY'
import fnmatch, json, os, re, shlex, shutil, signal, socket, subprocess, sys, tempfile, time

repo = sys.argv[1]
passed = failed = 0

# In debian:bookworm-slim before any apt-get: Essential packages and what apt and dpkg
# depend on. A library from any other package must come from the runtime stage's apt-get.
BASE_IMAGE_PACKAGES = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1", "liblzma5", "libbz2-1.0"}


def ok(name):
    global passed
    passed += 1
    print(f"ok   {name}", flush=True)


def fail(name):
    global failed
    failed += 1
    print(f"FAIL {name}", flush=True)


def finish():
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


class Stage:
    def __init__(self, image, name):
        self.image, self.name, self.steps = image, name, []


def parse(path):
    """Instructions per stage, continuation lines joined, comments dropped, ARGs expanded."""
    lines, pending = [], ""
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if pending and line.lstrip().startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        lines.append(pending + line)
        pending = ""
    args, stages = {}, []
    for line in lines:
        keyword, _, rest = line.strip().partition(" ")
        keyword, rest = keyword.upper(), rest.strip()
        rest = re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), m.group(0)), rest)
        if keyword == "ARG" and not stages:
            name, _, default = rest.partition("=")
            args[name] = default
        elif keyword == "FROM":
            parts = rest.split()
            stages.append(Stage(parts[0], parts[2] if len(parts) >= 3 and parts[1].upper() == "AS" else None))
        elif stages:
            stages[-1].steps.append((keyword, rest))
    return stages


def ignore_patterns():
    path = os.path.join(repo, ".dockerignore")
    if not os.path.exists(path):
        return []
    patterns = [l.strip() for l in open(path) if l.strip() and not l.lstrip().startswith("#")]
    if any(p.startswith("!") for p in patterns):
        sys.exit("dockerfile-check: '!' exceptions in .dockerignore are not supported; extend this script")
    return [p.strip("/") for p in patterns]


IGNORED = ignore_patterns()


def ignored(relative):
    parts = relative.split("/")
    return any(fnmatch.fnmatch("/".join(parts[: i + 1]), p) for p in IGNORED for i in range(len(parts)))


def copy_from_context(source, destination):
    """COPY from the build context: a directory's contents go into destination."""
    relative = os.path.normpath(source)
    origin = os.path.join(repo, relative)
    if ignored(relative) or not os.path.exists(origin):
        raise RuntimeError(f"'{source}' is not in the build context (missing or in .dockerignore)")
    if os.path.isdir(origin):
        for folder, dirs, files in os.walk(origin):
            inner = os.path.relpath(folder, repo)
            dirs[:] = [d for d in dirs if not ignored(os.path.join(inner, d))]
            target = os.path.join(destination, os.path.relpath(folder, origin))
            os.makedirs(target, exist_ok=True)
            for f in files:
                if not ignored(os.path.join(inner, f)):
                    shutil.copy2(os.path.join(folder, f), os.path.join(target, f))
    else:
        copy_file(origin, destination)


def copy_file(origin, destination):
    if destination.endswith("/") or os.path.isdir(destination):
        destination = os.path.join(destination, os.path.basename(origin))
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    shutil.copy2(origin, destination)


def split_copy(rest):
    words = json.loads(rest) if rest.startswith("[") else shlex.split(rest)
    flags = [w for w in words if w.startswith("--")]
    paths = [w for w in words if not w.startswith("--")]
    origin = next((f.split("=", 1)[1] for f in flags if f.startswith("--from=")), None)
    return origin, paths[:-1], paths[-1]


def apt_packages(command):
    packages = []
    for match in re.finditer(r"apt-get\s+install\s+([^&;|]*)", command):
        packages += [w for w in match.group(1).split() if not w.startswith("-")]
    return packages


def check_installed(packages, stage):
    for package in packages:
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
        if status.returncode == 0 and "install ok installed" in status.stdout:
            ok(f"{stage}: apt package {package} is installed here")
        else:
            fail(f"{stage}: apt package {package} is not installed here (apt-get install {package})")


class Root:
    """A scratch folder standing for one stage's filesystem."""

    def __init__(self, path, prefixes):
        self.path, self.prefixes = path, sorted(prefixes, key=len, reverse=True)

    def at(self, absolute):
        return os.path.join(self.path, absolute.lstrip("/"))

    def rewrite(self, text):
        """Absolute paths the Dockerfile itself creates, moved under this root."""
        for prefix in self.prefixes:
            text = re.sub(r"(?<![\w./$-])" + re.escape(prefix) + r"(?=[/\s\"']|$)", self.at(prefix), text)
        return text


def resolve(workdir, path):
    return path if path.startswith("/") else os.path.normpath(os.path.join(workdir, path)) + ("/" if path.endswith("/") else "")


stages = parse(os.path.join(repo, "Dockerfile"))
runtime = stages[-1]
build_names = {split_copy(r)[0] for k, r in runtime.steps if k == "COPY" and split_copy(r)[0]}
build = next((s for s in stages if s.name in build_names), None)
if build is None or len(build_names) != 1:
    sys.exit("dockerfile-check: expected one build stage that the last stage copies --from")

# Container paths the Dockerfile names as its own (WORKDIR, COPY destinations and sources):
# those are moved under the scratch roots; system paths such as /usr/bin are not.
owned = set()
for stage in stages:
    for keyword, rest in stage.steps:
        if keyword == "WORKDIR":
            owned.add(rest)
        elif keyword == "COPY":
            origin, sources, destination = split_copy(rest)
            if origin:  # a file the build stage made: its folder is the build's own
                owned.update(os.path.dirname(source) for source in sources if source.startswith("/"))
            if destination.startswith("/"):
                same_name = len(sources) == 1 and os.path.basename(sources[0]) == os.path.basename(destination)
                owned.add(os.path.dirname(destination) if same_name else destination.rstrip("/"))

work = os.environ.get("DOCKERFILE_CHECK_WORK") or tempfile.mkdtemp(prefix="dockerfile-check-")
keep = bool(os.environ.get("DOCKERFILE_CHECK_WORK"))
os.makedirs(work, exist_ok=True)
build_root = Root(os.path.join(work, "build"), owned)
run_root = Root(os.path.join(work, "runtime"), owned)
shutil.rmtree(run_root.path, ignore_errors=True)  # the build root is kept with DOCKERFILE_CHECK_WORK: a warm cache
os.makedirs(build_root.path, exist_ok=True)
os.makedirs(run_root.path, exist_ok=True)
print(f"dockerfile-check: scratch in {work}; build stage '{build.name}' from {build.image}, runtime from {runtime.image}")

# 1. Build stage.
workdir = "/"
host_env = {k: v for k, v in os.environ.items() if not k.startswith("SARCOMA_GUIDE_")}
for keyword, rest in build.steps:
    if keyword == "WORKDIR":
        workdir = resolve(workdir, rest)
        os.makedirs(build_root.at(workdir), exist_ok=True)
    elif keyword == "COPY":
        origin, sources, destination = split_copy(rest)
        if origin:
            fail(f"build: COPY --from={origin} is not supported by this check")
            finish()
        try:
            for source in sources:
                copy_from_context(source, build_root.at(resolve(workdir, destination)))
            ok(f"build: COPY {rest}")
        except RuntimeError as error:
            fail(f"build: COPY {rest}: {error}")
            finish()
    elif keyword == "RUN":
        if "apt-get" in rest:
            check_installed(apt_packages(rest), "build")
            continue
        command = build_root.rewrite(rest)
        started = time.monotonic()
        log = os.path.join(work, f"build-step-{passed + failed}.log")
        with open(log, "w") as out:
            status = subprocess.run(["bash", "-c", command], cwd=build_root.at(workdir), env=host_env,
                                    stdout=out, stderr=subprocess.STDOUT).returncode
        seconds = time.monotonic() - started
        if status == 0:
            ok(f"build: RUN {rest[:90]} ({seconds:.0f} s)")
        else:
            fail(f"build: RUN {rest[:90]} exited {status} after {seconds:.0f} s; last lines of {log}:")
            print("".join(open(log).readlines()[-15:]))
            finish()
    elif keyword in ("ENV", "ARG", "SHELL", "USER", "LABEL"):
        fail(f"build: {keyword} in the build stage is not supported by this check")
        finish()

# 2. Runtime stage: apt packages, files, linked libraries.
env, healthcheck, entrypoint, cmd, stop_signal, volumes = {}, None, [], [], "SIGTERM", []
runtime_packages = []
workdir = "/"
for keyword, rest in runtime.steps:
    if keyword == "RUN":
        runtime_packages += apt_packages(rest)
    elif keyword == "WORKDIR":
        workdir = resolve(workdir, rest)
        os.makedirs(run_root.at(workdir), exist_ok=True)
    elif keyword == "COPY":
        origin, sources, destination = split_copy(rest)
        target = run_root.at(resolve(workdir, destination)) + ("/" if destination.endswith("/") else "")
        try:
            for source in sources:
                if origin:
                    found = build_root.at(source)
                    if not os.path.exists(found):
                        raise RuntimeError(f"the build stage made no {source}")
                    copy_file(found, target) if os.path.isfile(found) else shutil.copytree(found, target, dirs_exist_ok=True)
                else:
                    copy_from_context(source, target)
            ok(f"runtime: COPY {rest}")
        except RuntimeError as error:
            fail(f"runtime: COPY {rest}: {error}")
    elif keyword == "ENV":
        for word in shlex.split(rest):
            key, _, value = word.partition("=")
            env[key] = value
    elif keyword == "VOLUME":
        volumes += json.loads(rest) if rest.startswith("[") else rest.split()
    elif keyword == "HEALTHCHECK":
        healthcheck = rest
    elif keyword == "ENTRYPOINT":
        entrypoint = json.loads(rest)
    elif keyword == "CMD":
        cmd = json.loads(rest)
    elif keyword == "STOPSIGNAL":
        stop_signal = rest
check_installed(runtime_packages, "runtime")

binaries = [os.path.join(f, n) for f, _, names in os.walk(run_root.path) for n in names
            if os.access(os.path.join(f, n), os.X_OK) and open(os.path.join(f, n), "rb").read(4) == b"\x7fELF"]
allowed = BASE_IMAGE_PACKAGES | set(runtime_packages)
for binary in binaries:
    dynamic = subprocess.run(["readelf", "-d", binary], capture_output=True, text=True).stdout
    for soname in re.findall(r"\(NEEDED\).*\[(.+)\]", dynamic):
        cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
        path = next((l.split("=>")[1].strip() for l in cache.splitlines() if l.strip().startswith(soname + " ")), None)
        owner = subprocess.run(["dpkg", "-S", os.path.realpath(path)] if path else ["false"], capture_output=True, text=True)
        package = owner.stdout.split(":")[0] if owner.returncode == 0 else None
        if package is None and path:  # dpkg -S knows the /lib symlink form on merged-/usr systems
            owner = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
            package = owner.stdout.split(":")[0] if owner.returncode == 0 else None
        name = f"runtime: {os.path.basename(binary)} links {soname}"
        if package in allowed:
            ok(f"{name} (from {package}, in the runtime image)")
        else:
            fail(f"{name} (from {package or 'unknown package'}), which the runtime stage does not install")

# 3. Start ENTRYPOINT+CMD with the image's ENV, run HEALTHCHECK, stop with STOPSIGNAL.
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    free_port = probe.getsockname()[1]
service_env = {"PATH": run_root.at("/usr/local/bin") + ":" + os.environ.get("PATH", "/usr/bin:/bin"),
               "HOME": run_root.at("/var/lib/sarcoma-guide"), "TZ": "UTC"}
for key, value in env.items():
    service_env[key] = str(free_port) if key.endswith("_PORT") else (run_root.at(value) if value.startswith("/") else value)
for volume in volumes:
    os.makedirs(run_root.at(volume), exist_ok=True)
for key, value in env.items():
    if key.endswith("_DATABASE"):
        os.makedirs(os.path.dirname(run_root.at(value)), exist_ok=True)
print("dockerfile-check: ENV " + " ".join(f"{k}={v}" for k, v in sorted(service_env.items()) if k in env))

if not entrypoint or healthcheck is None:
    fail("runtime: the image needs ENTRYPOINT and HEALTHCHECK")
    finish()
out_path = os.path.join(work, "service.log")
service = subprocess.Popen(entrypoint + cmd, cwd=run_root.at(workdir), env=service_env,
                           stdout=open(out_path, "w"), stderr=subprocess.STDOUT)
deadline = time.monotonic() + 30
while time.monotonic() < deadline and service.poll() is None and "listening on http://" not in open(out_path).read():
    time.sleep(0.1)
if service.poll() is None and "listening on http://" in open(out_path).read():
    ok(f"runtime: {' '.join(entrypoint + cmd)} started with the image's ENV")
    check = healthcheck[healthcheck.upper().index("CMD") + 3:].strip()
    options = dict(re.findall(r"--([\w-]+)=(\S+)", healthcheck[: healthcheck.upper().index("CMD")]))
    timeout = float(options.get("timeout", "30s").rstrip("s"))
    argv = json.loads(check) if check.startswith("[") else ["/bin/sh", "-c", check]
    try:
        result = subprocess.run(argv, cwd=run_root.at(workdir), env=service_env, capture_output=True, text=True, timeout=timeout)
        if result.returncode == 0:
            ok(f"runtime: HEALTHCHECK {' '.join(argv)} exited 0 ({result.stdout.strip()})")
        else:
            fail(f"runtime: HEALTHCHECK {' '.join(argv)} exited {result.returncode}: {result.stdout.strip()} {result.stderr.strip()}")
    except subprocess.TimeoutExpired:
        fail(f"runtime: HEALTHCHECK {' '.join(argv)} took longer than its --timeout={timeout:g}s")
    service.send_signal(getattr(signal, stop_signal))
    try:
        status = service.wait(timeout=30)
        (ok if status == 0 else fail)(f"runtime: {stop_signal} stops the service (exit {status})")
    except subprocess.TimeoutExpired:
        service.kill()
        fail(f"runtime: {stop_signal} did not stop the service within 30 s")
else:
    if service.poll() is None:
        service.kill()
    fail("runtime: the service did not start with the image's ENV; its output:")
    print(open(out_path).read()[-2000:])

if not keep:
    shutil.rmtree(work, ignore_errors=True)
finish()
PY
