/**
 * Builds cleaned text while remembering, for every output character, where it came from in the
 * source file, so that passages and figures can point back at exact source offsets.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly offsets: number[] = [];

  get length(): number {
    return this.offsets.length;
  }

  /** Appends `text` copied from the source at `sourceStart` (one-to-one characters). */
  appendSource(text: string, sourceStart: number): void {
    for (let i = 0; i < text.length; i++) this.offsets.push(sourceStart + i);
    this.parts.push(text);
  }

  /** Appends synthetic text (a separator, a replacement) attributed to one source offset. */
  appendSynthetic(text: string, sourceOffset: number): void {
    for (let i = 0; i < text.length; i++) this.offsets.push(sourceOffset);
    this.parts.push(text);
  }

  /** The text appended since the builder was `start` characters long (`start` taken from `length`). */
  textSince(start: number): string {
    const tail: string[] = [];
    for (let i = this.parts.length - 1, length = this.length; i >= 0 && length > start; i--) {
      tail.push(this.parts[i]!);
      length -= this.parts[i]!.length;
    }
    return tail.reverse().join('');
  }

  lastChar(): string {
    const last = this.parts[this.parts.length - 1];
    return last ? last[last.length - 1]! : '';
  }

  build(): { text: string; offsets: Int32Array } {
    return { text: this.parts.join(''), offsets: Int32Array.from(this.offsets) };
  }
}
