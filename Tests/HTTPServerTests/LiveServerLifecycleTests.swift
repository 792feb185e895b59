import Foundation
import Testing
@testable import HTTPServer

extension LiveServerTests {
    @Test func manyIdleConnectionsDoNotBlockNewClients() throws {
        try TestServer.with({ $0.workerThreads = 2 }) { server in
            var idle: [ClientConnection] = []
            for index in 0..<200 {
                let connection = try server.connect()
                if index % 2 == 0 { _ = try connection.send("GET", "/hello") }  // half have been used, half never spoke
                idle.append(connection)
            }
            #expect(eventually { server.server.openConnections == 200 })
            let response = try server.client.send("GET", "/cases/new")
            #expect(response.status == 200)
            #expect(try idle[0].send("GET", "/hello").status == 200)
            idle.forEach { $0.close() }
        }
    }

    @Test func slowHandlerDoesNotStallOtherConnections() throws {
        try TestServer.with({ $0.workerThreads = 2 }) { server in
            let client = server.client
            let slow = Locked<Int?>(nil)
            let done = Latch()
            Thread {
                let status = try? client.send("GET", "/slow?ms=800").status
                slow.withLock { $0 = status }
                done.open()
            }.start()
            Thread.sleep(forTimeInterval: 0.1)
            for _ in 0..<5 {
                let response = try client.send("GET", "/hello")
                #expect(response.status == 200)
            }
            #expect(slow.withLock { $0 } == nil)  // still running while the others were answered
            done.wait()
            #expect(slow.withLock { $0 } == 200)
        }
    }

    @Test func shutdownLetsInFlightRequestFinishAndRefusesNewOnes() throws {
        let records = Locked<[RequestLogRecord]>([])
        var configuration = TestServer.configuration()
        configuration.drainTimeout = 5
        let server = HTTPServer(configuration: configuration, router: TestServer.router(),
                                hooks: ServerHooks(requestCompleted: { record in records.withLock { $0.append(record) } }))
        let port = try server.start()
        #expect(server.boundPort == port)
        let idle = try ClientConnection(port: port)
        _ = try idle.send("GET", "/hello")

        let result = Locked<ClientResponse?>(nil)
        let done = Latch()
        Thread {
            let response = try? LoopbackClient(port: port).send("GET", "/slow?ms=500")
            result.withLock { $0 = response }
            done.open()
        }.start()
        Thread.sleep(forTimeInterval: 0.15)
        server.shutdown()
        done.wait()
        #expect(result.withLock { $0?.status } == 200)
        #expect(result.withLock { $0?.text } == "slow")
        #expect(idle.waitForClose())
        #expect(throws: SocketError.self) { _ = try ClientConnection(port: port, timeout: 1) }
        #expect(server.openConnections == 0)
        server.shutdown()  // idempotent
        server.waitUntilStopped()
    }

    @Test func busyPortIsReported() throws {
        try TestServer.with { server in
            let second = HTTPServer(configuration: TestServer.configuration { $0.port = server.port }, router: TestServer.router())
            do {
                try second.start()
                Issue.record("a second server started on a busy port")
                second.shutdown()
            } catch let error as SocketError {
                #expect(error.isAddressInUse)
                #expect(error.operation == "bind")
                #expect(error.description.contains("bind"))
            }
        }
    }

    @Test func shutdownBeforeStartIsHarmless() {
        let server = HTTPServer(configuration: TestServer.configuration(), router: TestServer.router())
        server.shutdown()
        server.waitUntilStopped()
        #expect(server.boundPort == nil)
    }

    @Test func noDescriptorLeakAfterManyConnections() throws {
        func openDescriptors() -> Int {
            (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        }
        try TestServer.with { server in
            _ = try server.client.send("GET", "/hello")  // warm up lazily opened descriptors
            let before = openDescriptors()
            for index in 0..<300 {
                switch index % 4 {
                case 0: _ = try server.client.send("GET", "/hello")
                case 1: _ = try server.raw("BAD REQUEST\r\n\r\n")
                case 2:
                    let connection = try server.connect()
                    _ = try connection.send("GET", "/hello")
                    connection.close()  // client closes a kept-alive connection
                default:
                    let connection = try server.connect()
                    try connection.write(Array("GET /hel".utf8))
                    connection.close()  // client gives up mid-request
                }
            }
            #expect(eventually { server.server.openConnections == 0 })
            #expect(eventually { openDescriptors() <= before + 4 })
        }
    }

    @Test func terminationSignalIsDelivered() {
        let received = Locked<Int32?>(nil)
        let done = Latch()
        TerminationSignal.onTermination([SIGUSR2]) { signal in
            received.withLock { $0 = signal }
            done.open()
        }
        kill(getpid(), SIGUSR2)
        #expect(done.wait(seconds: 5))
        #expect(received.withLock { $0 } == SIGUSR2)
    }
}
