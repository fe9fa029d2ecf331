/** The smallest useful document: one list operation, for CLI runs through the real pipeline. */
export const TINY_SPEC = `openapi: 3.0.3
info: { title: Tiny, version: '1' }
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { type: string } }
`;
