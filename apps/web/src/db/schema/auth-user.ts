import { boolean, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A person who signs in to the console (better-auth's `user` model). `role`, `banned`,
 * `banReason` and `banExpires` belong to better-auth's admin plugin; `role` is one of
 * src/auth/roles.ts. Property names are better-auth's field names (its Drizzle adapter looks them up).
 */
export const authUser = pgTable("auth_user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  role: text("role"),
  banned: boolean("banned").default(false),
  banReason: text("ban_reason"),
  banExpires: timestamp("ban_expires", { withTimezone: true }),
});
