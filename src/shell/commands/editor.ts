/**
 * `vim`, `vi` and `nano`: open the session's editor on a file. Headless (no editor attached) the
 * new content is read from stdin, e.g. `vim pod.yaml <<'EOF' … EOF`.
 */
import { decodeBytesToUtf8, defineCommand, type Command } from 'just-bash';
import type { EditorMode, ShellServices } from '../services.ts';

export function editorCommand(name: 'vim' | 'vi' | 'nano', s: ShellServices): Command {
  const mode: EditorMode = name === 'nano' ? 'nano' : 'vim';
  return defineCommand(name, async (args, ctx) => {
    const files = args.filter((a) => !a.startsWith('-') && !a.startsWith('+'));
    if (files.length === 0) {
      return { stdout: '', stderr: `${name}: name the file to edit, e.g. ${name} pod.yaml\n`, exitCode: 1 };
    }
    const path = s.fs.resolvePath(ctx.cwd, files[0]!);
    let existing = '';
    try {
      const st = await s.fs.stat(path);
      if (st.isDirectory) return { stdout: '', stderr: `${name}: ${files[0]} is a directory\n`, exitCode: 1 };
      existing = await s.fs.readFile(path);
    } catch {
      existing = '';
    }
    const stdin = decodeBytesToUtf8(ctx.stdin);
    let saved: string | null;
    if (s.editor && stdin === '') {
      saved = await s.editor(path, existing, mode);
    } else if (stdin !== '') {
      saved = stdin;
    } else {
      return {
        stdout: '',
        stderr:
          `${name}: no editor is attached to this terminal. Give the new content on stdin instead:\n` +
          `  ${name} ${files[0]} <<'EOF'\n  …\n  EOF\n`,
        exitCode: 1,
      };
    }
    if (saved === null) return { stdout: '', stderr: '', exitCode: 0 };
    try {
      await s.fs.writeFile(path, saved);
    } catch (e) {
      return { stdout: '', stderr: `${name}: cannot write ${files[0]}: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1 };
    }
    return { stdout: '', stderr: '', exitCode: 0 };
  });
}
