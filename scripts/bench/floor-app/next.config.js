// The bare Next.js app of `npm run bench` (the framework floor): same next/react as the portal (it resolves them
// from the portal's node_modules), nothing of ours. Built and started by scripts/bench/floor.ts.
/** @type {import('next').NextConfig} */
module.exports = { poweredByHeader: false };
