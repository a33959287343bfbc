// @aws-lite/dynamodb ships its types in a separate package; the client only needs it as a plugin value.
declare module '@aws-lite/dynamodb' {
  const plugin: { name: string; service: string; property: string; methods: Record<string, unknown> };
  export default plugin;
}
