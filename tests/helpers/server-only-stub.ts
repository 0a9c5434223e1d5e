// In tests the "server-only" guard has nothing to guard: there is no client bundle.
export {};
