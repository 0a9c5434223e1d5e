import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    sid: string;
    remember: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    remember?: boolean;
  }
}
