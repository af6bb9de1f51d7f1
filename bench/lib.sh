# Shared by bench/compare.sh and bench/profile.sh (sourced from the repository root): logging, a free
# port, and the hub as ./run builds it, with demo content on H2 and ./run's JVM options.

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_demo_hub WORK PASSWORD [TOKEN]: starts the last ./run build on a free port, data under WORK/data,
# log in WORK/hub.log, `admin` with PASSWORD (and API TOKEN when given); JVM options as ./run's:
# jvm.options, or HUB_JAVA_OPTS instead. Sets port, hub (its base URL) and hub_pid; returns once it serves /.
start_demo_hub() {
  local work=$1 password=$2 token=${3:-}
  port=$(free_port)
  hub="http://127.0.0.1:$port"
  env HUB_DATA_DIR="$work/data" HUB_ADMIN_PASSWORD="$password" ${token:+HUB_ADMIN_TOKEN="$token"} PORT="$port" \
    java -XX:SharedArchiveFile=hub-web/target/app/adapthub.jsa ${HUB_JAVA_OPTS:-@jvm.options} \
    -jar hub-web/target/app/adapthub.jar >"$work/hub.log" 2>&1 &
  hub_pid=$!
  until curl -fs -o /dev/null "$hub/"; do kill -0 "$hub_pid" 2>/dev/null || die "the hub died"; sleep 0.2; done
}

# sign_in_admin COOKIE_JAR PASSWORD: signs in through the login form (CSRF token included) and prints
# the session cookie header value. Pages are read into variables before grep: with pipefail, grep -q
# closing the pipe early fails curl.
sign_in_admin() {
  local jar=$1 password=$2 form csrf cookie home
  form=$(curl -s -c "$jar" -b "$jar" "$hub/login")
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$form" | sed -n '1s/.*value="//;1s/"$//p')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf" "$hub/login"
  cookie="JSESSIONID=$(awk '/JSESSIONID/ {print $7}' "$jar")"
  home=$(curl -fs -H "Cookie: $cookie" "$hub/")
  grep -q 'id="nav-user"' <<<"$home" || die "could not sign in"
  printf '%s\n' "$cookie"
}
