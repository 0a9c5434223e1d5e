export * from "./auth";
export * from "./system";
export * from "./shops";
export * from "./orders";
export * from "./mail";
export * from "./dashboard";
export * from "./payments";
export * from "./fulfilment";
