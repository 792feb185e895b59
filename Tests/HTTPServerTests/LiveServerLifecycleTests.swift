import Foundation
import Locking
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

    @Test func blockedHandlerDoesNotStallOtherConnections() throws {
        try TestServer.with({ $0.workerThreads = 2 }) { server in
            let client = server.client
            let blocked = LockedValue<Int?>(nil)
            let done = Latch()
            Thread {
                let status = try? client.send("GET", "/gate").status
                blocked.withLock { $0 = status }
                done.open()
            }.start()
            server.gate.entered.wait()  // one of the two workers is now stuck in the handler
            for index in 0..<5 {
                let response = try client.send("GET", "/cases/\(index)")
                #expect(response.status == 200)
            }
            #expect(blocked.withLock { $0 } == nil)
            server.gate.release.open()
            done.wait()
            #expect(blocked.withLock { $0 } == 200)
        }
    }

    @Test func shutdownLetsInFlightRequestFinishAndRefusesNewOnes() throws {
        let gate = TestServer.Gate()
        var configuration = TestServer.configuration()
        configuration.drainTimeout = 10
        let server = HTTPServer(configuration: configuration, router: TestServer.router(gate: gate))
        let port = try server.start()
        #expect(server.boundPort == port)
        let idle = try ClientConnection(port: port)
        _ = try idle.send("GET", "/hello")

        let inFlight = LockedValue<ClientResponse?>(nil)
        let answered = Latch()
        Thread {
            let response = try? LoopbackClient(port: port).send("GET", "/gate")
            inFlight.withLock { $0 = response }
            answered.open()
        }.start()
        gate.entered.wait()
        let stopped = Latch()
        Thread {
            server.shutdown()
            stopped.open()
        }.start()

        #expect(idle.waitForClose())  // idle keep-alive connections are closed at once
        #expect(eventually { (try? ClientConnection(port: port, timeout: 1)) == nil })  // listener closed
        #expect(!stopped.wait(seconds: 0.05))  // still draining: the handler has not returned
        gate.release.open()
        answered.wait()
        #expect(inFlight.withLock { $0?.status } == 200)
        #expect(inFlight.withLock { $0?.text } == "released")
        stopped.wait()
        #expect(server.openConnections == 0)
        server.shutdown()  // idempotent
        server.waitUntilStopped()
    }

    @Test func busyPortIsReported() throws {
        try TestServer.with { server in
            let second = HTTPServer(
                configuration: TestServer.configuration { $0.port = server.port }, router: TestServer.router())
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
        let received = LockedValue<Int32?>(nil)
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
