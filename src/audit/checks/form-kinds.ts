// Which forms are real request forms (as opposed to a search box or a login).
import type { Form } from '../../snapshot/schema.ts';

const UTILITY_FORM = /ค้นหา|search|keyword|login|log in|เข้าสู่ระบบ|password|รหัสผ่าน|subscribe|newsletter|poll|โหวต|แบบสำรวจความคิดเห็นเว็บไซต์/i;
const UTILITY_FIELD = /^(q|s|query|search|keyword|keywords|searchword|lang|csrf.*|_token|token|submit|page|captcha.*)$/i;

/** the form's meaningful fields (not hidden tokens or search boxes) */
export function realFields(form: Form): string[] {
  return form.fields.filter((f) => f.trim() !== '' && !UTILITY_FIELD.test(f.trim()));
}

/** a form where a person enters a request: at least two real fields or a text box, and not a search/login form */
export function isRequestForm(form: Form): boolean {
  if (UTILITY_FORM.test(`${form.text} ${form.action}`) && !form.hasTextarea) return false;
  if (form.fields.some((f) => /password|รหัสผ่าน/i.test(f))) return false;
  return form.hasTextarea || realFields(form).length >= 2;
}
