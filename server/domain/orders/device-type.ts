export type DeviceType = "mobile" | "tablet" | "desktop" | "unknown";

export function deviceTypeOf(userAgent: string | undefined, screenWidth?: number): DeviceType {
  if (userAgent) {
    if (/iPad|Tablet|PlayBook|Silk|Android(?!.*Mobile)/i.test(userAgent)) return "tablet";
    if (/Mobi|iPhone|iPod|Android.*Mobile|Windows Phone/i.test(userAgent)) return "mobile";
    return "desktop";
  }
  if (screenWidth) return screenWidth < 768 ? "mobile" : screenWidth < 1100 ? "tablet" : "desktop";
  return "unknown";
}
