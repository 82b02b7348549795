#!/usr/bin/env bash
# Writes the nginx site of deploy/server/nginx/technocarte.conf with its ${NAME} placeholders
# replaced, to standard output. The one template serves production (install.sh) and the test
# (test.sh), so what is tested is what is installed.
#
#   TECHNOCARTE_SERVER_NAME=map.example.org deploy/server/render-site.sh > technocarte.conf
#
# Each placeholder comes from TECHNOCARTE_NGINX_<NAME> (or TECHNOCARTE_SERVER_NAME), with the
# production defaults below; TECHNOCARTE_NGINX_IPV6=no drops the IPv6 listen lines.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
template="$here/nginx/technocarte.conf"

name="${TECHNOCARTE_SERVER_NAME:-}"
[ -n "$name" ] || { echo "render-site.sh: set TECHNOCARTE_SERVER_NAME (the public host name)" >&2; exit 2; }
http_port="${TECHNOCARTE_NGINX_HTTP_PORT:-80}"
https_port="${TECHNOCARTE_NGINX_HTTPS_PORT:-443}"
declare -A value=(
  [SERVER_NAME]="$name"
  [HTTP_LISTEN]="${TECHNOCARTE_NGINX_HTTP_LISTEN:-$http_port}"
  [HTTP_LISTEN_V6]="[::]:$http_port"
  [HTTPS_LISTEN]="${TECHNOCARTE_NGINX_HTTPS_LISTEN:-$https_port}"
  [HTTPS_LISTEN_V6]="[::]:$https_port"
  [HTTPS_PORT_SUFFIX]="$([ "$https_port" = 443 ] || printf ':%s' "$https_port")"
  [TLS_CERT]="${TECHNOCARTE_NGINX_TLS_CERT:-/etc/letsencrypt/live/$name/fullchain.pem}"
  [TLS_KEY]="${TECHNOCARTE_NGINX_TLS_KEY:-/etc/letsencrypt/live/$name/privkey.pem}"
  [ACME_ROOT]="${TECHNOCARTE_NGINX_ACME_ROOT:-/var/www/letsencrypt}"
  [APP]="${TECHNOCARTE_NGINX_APP:-127.0.0.1:8080}"
  [CACHE_DIR]="${TECHNOCARTE_NGINX_CACHE_DIR:-/var/cache/nginx/technocarte}"
  [LOG_DIR]="${TECHNOCARTE_NGINX_LOG_DIR:-/var/log/nginx}"
)

text=$(cat "$template")
if [ "${TECHNOCARTE_NGINX_IPV6:-yes}" = no ]; then
  text=$(printf '%s\n' "$text" | grep -v '# ipv6$')
fi
for key in "${!value[@]}"; do
  text=${text//"\${$key}"/"${value[$key]}"}
done
# A placeholder left over would reach nginx as a variable it does not know: refuse it here.
if printf '%s\n' "$text" | grep -v '^#' | grep -q '\${[A-Z_0-9]*}'; then
  echo "render-site.sh: placeholders left unreplaced:" >&2
  printf '%s\n' "$text" | grep -v '^#' | grep -o '\${[A-Z_0-9]*}' | sort -u >&2
  exit 1
fi
printf '%s\n' "$text"
