#!/usr/bin/env bash
# Leaves a fresh clone ready for the course: tools restored, notebook DLLs built, and every
# package a notebook loads with `#r "nuget: …"` already in the NuGet cache.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore
dotnet build BackpropNotebooks.sln

# Packages the notebooks (or their shared setup) pull in with #r "nuget: Name, Version".
mapfile -t packages < <(grep -rhoE '#r \\?"nuget: ?[^,"]+, ?[^"\\]+' notebooks 2>/dev/null \
    | sed -E 's/.*nuget: ?([^,]+), ?(.*)/\1 \2/' | sort -u)
if [ "${#packages[@]}" -gt 0 ]; then
    warm=$(mktemp -d)
    dotnet new classlib -o "$warm" --framework net10.0 >/dev/null
    for p in "${packages[@]}"; do
        read -r name version <<<"$p"
        echo "warming NuGet cache: $name $version"
        dotnet add "$warm" package "$name" --version "$version" >/dev/null
    done
    rm -rf "$warm"
else
    echo "no #r \"nuget:\" packages in the notebooks: nothing more to warm"
fi
echo "Ready: open notebooks/01-perceptron.ipynb and run the first cell."
