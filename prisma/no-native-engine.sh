#!/bin/sh
# Stand-in for Prisma's native schema engine, which this project never downloads.
# `prisma generate` only needs the path to exist; migrations run through the wasm engine.
echo "fangpin: the native Prisma schema engine is not installed. Migrations run through the wasm engine: npm run db:migrate (apply) or npm run db:migration -- <name> (create)." >&2
exit 1
