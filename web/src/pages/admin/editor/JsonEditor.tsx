import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { json, jsonLanguage } from '@codemirror/lang-json';
import { syntaxTree } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { jsonErrorPosition } from '../lib/json-locate';
import type { PropertyCompletion } from './scoring-help';

export interface JsonEditorHandle {
  /** Replaces the whole text (an upload, a reset). */
  setText(text: string): void;
  /** Moves the cursor to `pos`, scrolls it into view and focuses the editor. */
  goTo(pos: number): void;
  lineOf(pos: number): number;
  /** Where the JSON syntax breaks in the current text. */
  syntaxErrorAt(): number;
}

interface Props {
  initialText: string;
  onChange: (text: string) => void;
  diagnostics: readonly Diagnostic[];
  label: string;
  describedBy?: string;
  readOnly?: boolean;
  /** Property names offered where a property name is typed (the scoring properties). */
  completions?: readonly PropertyCompletion[];
}

const theme = EditorView.theme({
  '&': { fontSize: '13.5px', border: '1px solid #8a959f', borderRadius: '4px', background: '#fff' },
  '&.cm-focused': { outline: '3px solid #ffbf47', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.45' },
  '.cm-gutters': { background: '#f2f5f3', color: '#4a5560', borderRight: '1px solid #d0d7de' },
  '.cm-activeLine': { background: '#f2f8f4' },
  '.cm-activeLineGutter': { background: '#e6f2ec' },
});

/**
 * Completes a property name being typed (after its opening quote) from `options()`. Only where a
 * name goes: a string in a value or a list is left alone. An unclosed name parses as an error
 * node inside its object.
 */
export function propertyNameCompletions(options: () => readonly PropertyCompletion[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const list = options();
    if (list.length === 0) return null;
    const node = syntaxTree(context.state).resolveInner(context.pos, -1);
    const word = context.matchBefore(/"\w*/);
    if (word) {
      const isName = node.name === 'PropertyName' || (node.type.isError && node.parent?.name === 'Object');
      if (!isName) return null;
      return {
        from: word.from + 1,
        options: list.map(({ label, detail, info }) => ({ label, detail, info, type: 'property' })),
        validFor: /^\w*$/,
      };
    }
    // Ctrl+Space between an object's properties: the whole `"name": ` is inserted.
    if (!context.explicit || node.name !== 'Object') return null;
    return {
      from: context.pos,
      options: list.map(({ label, detail, info }) => ({
        label,
        detail,
        info,
        type: 'property',
        apply: `"${label}": `,
      })),
    };
  };
}

/** CodeMirror 6 for JSON, with diagnostics pushed in from outside (syntax, SurveyJS and scoring errors). */
export const JsonEditor = forwardRef<JsonEditorHandle, Props>(function JsonEditor(
  { initialText, onChange, diagnostics, label, describedBy, readOnly, completions },
  ref,
) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // Read when completing, so a language switch changes their texts without a new editor.
  const completionsRef = useRef(completions ?? []);
  completionsRef.current = completions ?? [];

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is created once; later text comes through setText.
  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          basicSetup,
          json(),
          jsonLanguage.data.of({ autocomplete: propertyNameCompletions(() => completionsRef.current) }),
          lintGutter(),
          theme,
          EditorView.lineWrapping,
          EditorState.readOnly.of(Boolean(readOnly)),
          EditorView.contentAttributes.of({
            // Already focusable as contenteditable; the explicit tabindex tells checkers the scroller is reachable.
            tabindex: '0',
            'aria-label': label,
            ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const length = editor.state.doc.length;
    const clamped = diagnostics
      .filter((d) => d.from <= length)
      .map((d) => ({ ...d, from: Math.min(d.from, length), to: Math.min(Math.max(d.to, d.from), length) }));
    editor.dispatch(setDiagnostics(editor.state, clamped));
  }, [diagnostics]);

  useImperativeHandle(ref, () => ({
    setText(text: string) {
      const editor = view.current;
      if (!editor) return;
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
    },
    goTo(pos: number) {
      const editor = view.current;
      if (!editor) return;
      const at = Math.min(pos, editor.state.doc.length);
      editor.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      editor.focus();
    },
    syntaxErrorAt() {
      const editor = view.current;
      if (!editor) return 0;
      return Math.max(0, jsonErrorPosition(editor.state.doc.toString()));
    },
    lineOf(pos: number) {
      const editor = view.current;
      if (!editor) return 1;
      return editor.state.doc.lineAt(Math.min(pos, editor.state.doc.length)).number;
    },
  }));

  return <div ref={host} className="json-editor" />;
});
