/** A text input's value ("" when missing, or when a file was posted under that name). */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}
